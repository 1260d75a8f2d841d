package loader

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkLongLine parses one text written on a single line, at growing
// sizes: the time per byte should stay flat (the loader is linear in its
// input, whatever its line lengths).
func BenchmarkLongLine(b *testing.B) {
	unit := []byte("The Anvil Working Group met on 3 May 2021. Present: Ann Berger (Verilan), Bob Carter (Acme Corp). " +
		"部品作業部会(第1回) 山田 太郎 委員 (部品株式会社) 佐藤 花子 主査 (東京大学). The Widget Alliance (WA) published the Anvil Report. ")
	for _, size := range benchSizes {
		data := bytes.Repeat(unit, size/len(unit)+1)[:size]
		data = bytes.ToValidUTF8(data, nil)
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Build([]Text{{Name: "long.txt", Data: data}}, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchSizes run from 128 KiB to 1 MiB: `go test ./loader -bench LongLine
// -benchtime 1x` shows MB/s staying flat.
var benchSizes = []int{128 << 10, 256 << 10, 512 << 10, 1 << 20}
