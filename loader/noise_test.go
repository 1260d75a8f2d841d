package loader

import "testing"

func TestNoise(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		// Menus, buttons and tool bars.
		{"Menu", true},
		{"Search", true},
		{"Log in", true},
		{"Sign up", true},
		{"Back to top", true},
		{"Skip to main content", true},
		{"Home / Contact Us", true},
		{"トップ > 組織案内 > 審議会", true},
		{"Home › Committees › Minutes", true},
		{"A > B", false},
		{"ツイート シェア", true},                                    // share buttons
		{"• \"\uFFFD\uFFFD\uFFFD</b>\uFFFD\uFFFD\"(/)", true}, // bytes that did not decode
		{"Read more…", true},
		{"Download (PDF)", true},
		{"Cookies: Accept", true},
		{"[Edit]", true},
		{"Home Contact Us Search Login Menu", true},
		// Glued words.
		{"JoinLearn more", true},
		{"SubscribeShare", true},
		// Image file names.
		{"logo.png", true},
		{"team-photo.JPG", true},
		{"banner_2023.webp", true},
		{"cid:image001.png at 10:04", true},
		// A page's identifier in its site.
		{"minutes-interim-2024-abc-03-202403051500-00", true},
		{"draft-ietf-abc", false},
		{"Sorry, you need to enable JavaScript to visit this website.", true},
		{"You're viewing an archived page. It is no longer being updated.", true},
		{"This page has been archived and is kept for reference.", true},
		{"You are viewing the minutes of the archived working group.", false},
		// No letters.
		{"2023", true},
		{"12 345", true},
		{"—", true},
		{"|---|---|", true},
		// Japanese page furniture.
		{"メニュー", true},
		{"検索 ログイン", true},
		{"ページの先頭へ", true},
		{"全文を見る", true},
		{"詳細", true},
		{"ここから本文です", true},
		{"ここからサイトの主なメニューです。", true},
		{"シェア 第3回会合のお知らせ", true},
		{`Share "Alpha Team Notes"`, true},
		// Not noise.
		{"", false},
		{"Alpha Working Group", false},
		{"Join the alpha group", false},
		{"Read the minutes of the last call", false},
		{"Log in to view the drafts", false},
		{"Contact: Amy Vance", false},
		{"Share your drafts with the group", false},
		{"Share Alpha Notes", false},
		{"Open Data Working Group", false},
		{"Home Office", false},
		{"Home Contact Us Search Login Menu Share", false},
		{"Summary.pdf", false},
		{"log.txt", false},
		{"シェアサイクルの実証実験", false},
		{"詳細は別紙のとおり", false},
		{"会議室", false},
		{"Q3", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := isNoise(tt.in); got != tt.want {
				t.Errorf("isNoise(%q) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}
