package loader

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"
	"time"
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

// corpusTexts reads the dev corpus and the seeds, the pages the speed
// targets name; the benchmark skips where they are not checked out.
func corpusTexts(b *testing.B) []Text {
	var texts []Text
	for _, dir := range []string{"../../shared/corpus/dev", "../../shared/seeds"} {
		ts, _, err := ReadTexts([]string{dir})
		if err != nil {
			b.Skipf("no corpus: %v", err)
		}
		texts = append(texts, ts...)
	}
	return texts
}

// BenchmarkCorpus parses the 14 dev pages and the 3 seeds together, as
// one load. The first iteration also loads the Japanese dictionary;
// `dict-ms` reports what that took.
func BenchmarkCorpus(b *testing.B) {
	texts := corpusTexts(b)
	start := time.Now()
	if _, err := japaneseTokenizer(); err != nil {
		b.Fatal(err)
	}
	dict := time.Since(start)
	for b.Loop() {
		if _, err := Build(texts, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(dict.Milliseconds()), "dict-ms")
}

// BenchmarkThousandPages parses 1,000 pages of about 2 KB, cut from the
// corpus at line ends, as one load, and reports the Go heap's peak.
func BenchmarkThousandPages(b *testing.B) {
	var pages []Text
	for _, t := range corpusTexts(b) {
		for len(pages) < 1000 && len(t.Data) > 0 {
			n := min(len(t.Data), 2048)
			if k := bytes.LastIndexByte(t.Data[:n], '\n'); k > 0 && n < len(t.Data) {
				n = k + 1
			}
			if len(bytes.TrimSpace(t.Data[:n])) > 0 {
				pages = append(pages, Text{Name: fmt.Sprintf("p%04d.txt", len(pages)), Data: t.Data[:n]})
			}
			t.Data = t.Data[n:]
		}
	}
	for cut := len(pages); len(pages) < 1000; {
		p := pages[len(pages)%cut] // the corpus again, under new names
		pages = append(pages, Text{Name: fmt.Sprintf("p%04d.txt", len(pages)), Data: p.Data})
	}
	var peak uint64
	for b.Loop() {
		if _, err := Build(pages, nil); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapSys)
	}
	b.ReportMetric(float64(peak)/(1<<20), "heap-MB")
}
