package loader

import "testing"

func TestAgendaPaper(t *testing.T) {
	tests := []struct{ in, want string }{
		{"(1) 部品調達アクション・プランの策定について", "部品調達アクション・プラン"},
		{"(2) 歯車認証基盤整備の中間報告(基本的な仕様を含む)", "歯車認証基盤整備の中間報告"},
		{"1. 今後の歯車研究の進め方について(中間とりまとめ)(案)", "今後の歯車研究の進め方について(中間とりまとめ)(案)"},
		{"2. 歯車国際シンポジウム(第3回)の報告", ""},
		{"(4) 各事業の全体計画及び中間報告", ""},
		{"(1) 部品戦略会議の設置について", ""},
		{"開会", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := agendaPaper(tt.in); got != tt.want {
				t.Errorf("agendaPaper(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}
