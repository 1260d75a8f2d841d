package loader

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The papers a Japanese meeting's agenda puts before it: an item of the
// 議題 or 議事次第 list that names a plan, a report or a draft.

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
func (r *reader) underAgenda(i int) bool {
	for k := r.p.Blocks[i].Parent; k >= 0; k = r.p.Blocks[k].Parent {
		pb := &r.p.Blocks[k]
		if agendaLabels[strings.ReplaceAll(pb.Label, " ", "")] || pb.Label == "" && agendaLabels[strings.Trim(reAgendaLead.ReplaceAllString(pb.Text, ""), " :：")] {
			return true
		}
	}
	return false
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
