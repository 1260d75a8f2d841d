package loader

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The papers a Japanese meeting's agenda puts before it: an item of the
// 議題 or 議事次第 list that names a plan, a report or a draft.

// materialLabels head the list of papers handed out at a meeting.
var materialLabels = map[string]bool{"配布資料": true, "配付資料": true, "資料": true, "会議資料": true}

// agendaLabels head a meeting's agenda.
var agendaLabels = map[string]bool{"議題": true, "議事次第": true, "次第": true, "議事": true}

var (
	// reAgendaLead is an item's number: "(1)", "1.", "2)".
	reAgendaLead = regexp.MustCompile(`^\s*(?:[(（]\d+[)）]|\d+[.．)）])\s*`)
	// reAgendaVerb is what the meeting does with the paper, after it:
	// "…の策定について", "…の取りまとめ状況".
	reAgendaVerb = regexp.MustCompile(`(?:の(?:策定|改定|改訂|見直し|取りまとめ|とりまとめ)(?:状況)?)?(?:について|に関して)?$`)
	// reAgendaNote is a note after the paper's name: "(基本的な仕様を含む)".
	reAgendaNote = regexp.MustCompile(`[(（][^()（）]*[)）]$`)
	// reAgendaDocHead ends an agenda paper's name.
	reAgendaDocHead = regexp.MustCompile(`(?:プラン|中間報告|報告書|レポート|とりまとめ|取りまとめ|計画|方針|指針|戦略|ガイドライン|白書|提言|答申)$`)
)

// agendaDocument reads an agenda item that names a paper: a Document the
// page's meeting discussed.
func (r *reader) agendaDocument(i int) {
	b := &r.p.Blocks[i]
	if b.Kind != BlockItem || !hasCJK(b.Text) || !r.underAgenda(i) {
		return
	}
	name := agendaPaper(b.Text)
	if name == "" {
		return
	}
	d := r.d.entity(LabelDocument, name, b.Line, ruleDocAgenda)
	r.discussedAt(d, b.Line)
}

// underAgenda tells whether block i is an item of an agenda list.
func (r *reader) underAgenda(i int) bool { return r.underList(i, agendaLabels) }

// underList tells whether block i is an item under a label or line that
// is one of labels.
func (r *reader) underList(i int, labels map[string]bool) bool {
	for k := r.p.Blocks[i].Parent; k >= 0; k = r.p.Blocks[k].Parent {
		pb := &r.p.Blocks[k]
		if labels[strings.ReplaceAll(pb.Label, " ", "")] || pb.Label == "" && labels[strings.Trim(reAgendaLead.ReplaceAllString(pb.Text, ""), " :：")] {
			return true
		}
	}
	return false
}

// reMaterialOf is a paper handed out by a body, its title quoted:
// "部品省資料「歯車の未来」".
var reMaterialOf = regexp.MustCompile(`^(.*?)(?:資料|提出資料|説明資料)?「([^」]{4,})」`)

// materialDocument reads an item of a meeting's handouts: a Document the
// meeting discussed, by the number the minutes call it by ("資料4-1"),
// published by the body written before its quoted title.
func (r *reader) materialDocument(i int) {
	b := &r.p.Blocks[i]
	if b.Kind != BlockItem || !hasCJK(b.Text) || b.Parent < 0 || !materialLabels[strings.ReplaceAll(r.p.Blocks[b.Parent].Label, " ", "")] {
		return // only the list's own items: the next section may sit under it
	}
	// "4.配布資料" over "4-1.…", not "5.議題と議事" after it.
	if pm := strings.TrimRight(r.p.Blocks[b.Parent].Marker, ".．)） "); pm != "" && b.Marker != "" && !strings.HasPrefix(b.Marker, pm) {
		return
	}
	name, body := strings.TrimSpace(b.Text), ""
	if m := reMaterialOf.FindStringSubmatch(name); m != nil {
		name, body = m[2], strings.TrimSpace(m[1])
	}
	if utf8.RuneCountInString(name) < 4 {
		return
	}
	d := r.d.entity(LabelDocument, name, b.Line, ruleDocAgenda)
	if n := strings.TrimRight(b.Marker, ".．)） "); n != "" && n[0] >= '0' && n[0] <= '9' {
		d.alias("資料" + n)
	} else if strings.HasPrefix(n, "参考") {
		d.alias(n) // "参考1": the handout's number
	}
	if body != "" && jaHeadLabel(body) == LabelOrganization {
		o := r.d.entity(LabelOrganization, body, b.Line, ruleOrgSlot)
		r.d.fact(RelPublished, o, d, b.Line, relPublished, nil)
	}
	r.discussedAt(d, b.Line)
}

// agendaPaper is the paper an agenda item names, or "": a draft
// ("…について(中間とりまとめ)(案)", whole), or a name ending in a kind of
// paper once what the meeting does with it and a note after it are cut.
func agendaPaper(item string) string {
	t := strings.TrimSpace(reAgendaLead.ReplaceAllString(item, ""))
	if strings.HasSuffix(t, "(案)") || strings.HasSuffix(t, "（案）") {
		return t
	}
	core := reAgendaNote.ReplaceAllString(t, "")
	core = reAgendaVerb.ReplaceAllString(core, "")
	if strings.HasSuffix(core, "の報告") || utf8.RuneCountInString(core) < 6 || !reAgendaDocHead.MatchString(core) {
		return "" // "シンポジウムの報告": a report on it, no paper
	}
	if strings.Contains(core, "及び") || strings.Contains(core, "並びに") {
		return "" // "全体計画及び中間報告": papers of a kind, each its own
	}
	return core
}
