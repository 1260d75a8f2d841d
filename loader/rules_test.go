package loader

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// factsOf parses a small text and lists its facts as "TYPE from -> to
// [rule]", by the names of their ends.
func factsOf(t *testing.T, text string) []string {
	t.Helper()
	g, err := Parse(Text{Name: "t.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, n := range g.Nodes {
		name[n.ID] = n.Name
	}
	var out []string
	for _, e := range g.Edges {
		out = append(out, fmt.Sprintf("%s %s -> %s [%s]", e.Type, name[e.From], name[e.To], e.Evidence.Rule))
	}
	return out
}

// namesOf parses a small text and lists its entities as "Label: name".
func namesOf(t *testing.T, text string) []string {
	t.Helper()
	g, err := Parse(Text{Name: "t.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.Label+": "+n.Name)
	}
	return out
}

// jaCouncil is a council's minutes as a ministry writes them: numbered
// sections, members listed over several lines, and officials under the
// offices they come from.
const jaCouncil = "部品審議会(第3回)議事録\n\n第1 開催日時\n令和2年3月4日(水)\n\n第2 出席した委員等(敬称略)\n委員\n山田 太郎、佐藤 花子、\n鈴木 一郎\n臨時委員\n田中 次郎\n\n第3 出席した関係職員等\n (1) 部品副大臣、大臣政務官及び大臣官房\n岡田 三郎(副大臣)、小林 五郎(官房長)\n\n (2) 部品局\n木村 四郎(総務課長)\n\n第4 議題\n開会\n"

// jaTownRecord is a council's record that starts with its date and
// roster, with no title: the council is named only in its agenda.
const jaTownRecord = "日時\n\n令和2年3月4日(水)14時から\n\n出席者\n\n<委員>\n山田 太郎、佐藤花子(田中次郎代理出席)\n(欠席)鈴木一郎、木村 四郎\n\n事務局 岡田企画部長、小林副主幹\n\n議題\n\n1 (仮称)部品専門部会の設置について\n2 部品町推進協議会構成員について\n3 部品町推進協議会会議の公開について\n\n部品町推進協議会のもとに(仮称)部品専門部会を置く。\n"

// jaNews is a newsletter's report of a group's meeting.
const jaNews = "部品タイムス 2023年6月15日\n\n部品委員会歯車ワーキング・グループ(山田太郎主査)は5月15日、本部で会合を開催し、部品庁の鈴木一郎参事官と佐藤花子企画官から説明を聴いた。\n"

// wikiTable is a wiki's table of groups copied as text: no bars between
// the cells, a group's name on a line above the rest of its row.
const wikiTable = "Gadget Groups\n\nGroupChairChartered byStatusMeeting Day/Time\n\nAnvil Program Advisory Group (APAG)\n\nAda Wrench, Gear UniversityGadget CouncilActiveSecond Monday of the month\n\nAnvil Tools Working Group   Bob Sprocket, Cog College and Cyd Gear, Sprocket LaboratoriesAnvil Program Advisory Group. (Since 2017)ActiveMon., 4 pm ET\n"

// TestRelationRules has one line per relation rule: a small text, and a
// fact its rule must find there.
var relationRuleTests = []struct {
	rule, in, want string
}{
	{relOwner, "The ACME Rocket Working Group meets monthly.", "PART_OF ACME Rocket Working Group -> ACME [owner-prefix]"},
	{relOwnerOf, "The Rocket Council (RC) within the Acme Alliance (AA) sets rules.", "PART_OF Rocket Council -> Acme Alliance [owner-of-phrase]"},
	{relOwnerOf, "The Gadget Consortium (GC), a managed program of Acme Alliance, tests.", "PART_OF Gadget Consortium -> Acme Alliance [owner-of-phrase]"},
	{relPageOwner, "Rocket Working Groups\n\nThe Acme Alliance maintains groups. Acme Alliance leads them. The Acme Alliance is old.\n\nAnvil Working Group\n\nIt studies anvils and the way they fall on people.\n", "PART_OF Anvil Working Group -> Acme Alliance [page-organization]"},
	{relSubjectHeld, "Anvil Working Group Meeting Minutes\n\nDate: 2020-03-03\n\nPresent: Bob Sprocket, Cyd Gear\n", "HELD Anvil Working Group -> Anvil Working Group Meeting [page-group-held]"},
	{relRoster, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Bob Sprocket, Cyd Gear\nRegrets: Eve Lever\n", "ATTENDED Bob Sprocket -> Anvil WG call [roster-attended]"},
	{relRoster, "部品作業部会(第1回)\n\n日時 : 令和2年3月4日(水) 出席者 : 山田会長 佐藤議員鈴木委員 招聘者 : 部品協会理事長田中一郎\n", "ATTENDED 鈴木 -> 部品作業部会(第1回) [roster-attended]"},
	{relRoster, "部品作業部会(第1回)\n\n日時 : 令和2年3月4日(水) 出席者 : 山田会長 佐藤議員鈴木委員 招聘者 : 部品協会理事長田中一郎\n", "ATTENDED 田中一郎 -> 部品作業部会(第1回) [roster-attended]"},
	{relRosterRole, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Ada Wrench (Chair), Cyd Gear\n", "MEMBER_OF Ada Wrench -> Anvil WG [roster-role]"},
	{relRoster, jaCouncil, "ATTENDED 鈴木 一郎 -> 部品審議会(第3回) [roster-attended]"},
	{relAffiliation, "日時:2018年12月17日(月)10:00-11:53\n場所:部品会議室\n参加者:(敬称略、順不同)\n部品省 山田太郎、佐藤花子\nGEARNIC 鈴木一郎\n(株)Cogworks 田中 次郎\n", "MEMBER_OF 佐藤花子 -> 部品省 [affiliation]"},
	{relAffiliation, "日時:2018年12月17日(月)10:00-11:53\n場所:部品会議室\n参加者:(敬称略、順不同)\n部品省 山田太郎、佐藤花子\nGEARNIC 鈴木一郎\n(株)Cogworks 田中 次郎\n", "MEMBER_OF 田中 次郎 -> Cogworks [affiliation]"},
	{relRoster, "日時:2018年12月17日(月)10:00-11:53\n場所:部品会議室\n参加者:(敬称略、順不同)\n部品省 山田太郎、佐藤花子\nGEARNIC 鈴木一郎\n(株)Cogworks 田中 次郎\n", "ATTENDED 鈴木一郎 -> 2018-12-17の会合 [roster-attended]"},
	{relRoleField, "Gadget Study Group 9 meeting\n\n22 – 30 March 2017, Geneva\n\nSG9 WP Structure and leadership:\n\n  • WP1 (Q2, 3 and 13/9):\n                Chairman: Mr. Ada WRENCH (KDDI, Japan)\n                Vice-Chairmen: Mr. Bob SPROCKET (Russia) and Mr. Cyd GEAR (Turkey)\n  • WP2 (Q4 and 5/9):\n                Chairman: Mr. Dee COG (NICT, Japan)\n", "MEMBER_OF Cyd Gear -> WP1 [role-field]"},
	{relRoleField, "Gadget Study Group 9 meeting\n\n22 – 30 March 2017, Geneva\n\nSG9 WP Structure and leadership:\n\n  • WP1 (Q2, 3 and 13/9):\n                Chairman: Mr. Ada WRENCH (KDDI, Japan)\n  • WP2 (Q4 and 5/9):\n                Chairman: Mr. Dee COG (NICT, Japan)\n", "SUBGROUP_OF WP2 -> Gadget Study Group 9 [role-field]"},
	{relTopicList, "Gadget Working Group meeting\n\n22 March 2017\n\nHot topics:\n\n• Anvil security\n• Gear identity management\n", "FOCUSES_ON Gadget Working Group -> Gear identity management [topic-list]"},
	{relRosterRole, "TAG Gadget\n\nLeadership\nChairs\n| Name | GitHub | Organization |\n|---|---|---|\n| Ada Wrench | @ada | Gear Works |\nTech Leads\n| Name | GitHub | Organization |\n|---|---|---|\n| Bob Sprocket | @bob | Cog Labs |\nTOC Liaisons\n- Cyd Gear (@cyd)\nMeetings\nCommunication Channels\n", "MEMBER_OF Bob Sprocket -> TAG Gadget [roster-role]"},
	{relRoster, "Gadget Forum\n\n2018-07-12 Gear Working Group Minutes\n\nAttendees: Ada Wrench (Cogs), Bob Sprocket (Gears)Cyd Gear (Nuts).\n\n  • Roll Call. Done.\n", "ATTENDED Cyd Gear -> 2018-07-12 Gear Working Group [roster-attended]"},
	{relAffiliation, "Gadget Forum\n\n2018-07-12 Gear Working Group Minutes\n\nAttendees: Ada Wrench (Cogs), Bob Sprocket (Gears)Cyd Gear (Nuts).\n\n  • Roll Call. Done.\n", "MEMBER_OF Cyd Gear -> Nuts [affiliation]"},
	{relSubjectHeld, "Gadget Forum\n\n2018-07-12 Gear Working Group Minutes\n\nAttendees: Ada Wrench (Cogs), Bob Sprocket (Gears).\n", "HELD Gear Working Group -> 2018-07-12 Gear Working Group [page-group-held]"},
	{relSubjectHeld, "Gadget Communities\n\nGear TAC kickoff meeting minutes\n\nJun 18, 2025 | Gear TAC kickoff\n\nAttendees: Ada Wrench, Bob Sprocket\n", "HELD Gear TAC -> Gear TAC kickoff meeting [page-group-held]"},
	{relFlatRoster, "Gadget Forum call\n\nDRAFT informal notes of the call on 2004-10-18, sent in two halves to the whole list as one long line of text, as the archive keeps it, 6am(PDT) = 9am(EDT) = 2pm(UK) = 3pm(CET) Attendees: Ada Wrench, Member of the Gadget Forum Bob Sprocket, Chairman of the Gear Alliance Cyd Gear - Leader of the Cog Consortium Discussion of the scope: the draft was read.\n", "MEMBER_OF Cyd Gear -> Cog Consortium [flat-roster]"},
	{relBareRoster, "Gadget WG Chair Meeting Summary\n\nGear Hall – Springfield\n6 November 2014\n\nChair: Ada Wrench\nScribe: Bob Sprocket\n\nCyd Gear, Dee Cog, Eve Lever, Fay Bolt, Gus Nut, Hal Pin\n\nApologies: Ivy Axle\n", "ATTENDED Gus Nut -> Gadget WG Chair Meeting [bare-roster]"},
	{relGroupTable, wikiTable, "MEMBER_OF Ada Wrench -> Anvil Program Advisory Group [group-table]"},
	{relGroupTable, wikiTable, "MEMBER_OF Cyd Gear -> Anvil Tools Working Group [group-table]"},
	{relGroupTable, wikiTable, "SUBGROUP_OF Anvil Tools Working Group -> Anvil Program Advisory Group [group-table]"},
	{relAffiliation, wikiTable, "MEMBER_OF Bob Sprocket -> Cog College [affiliation]"},
	{relNational, "Gadget History\n\nThe GC 9 had three working groups WG 1 Heavy Gears (Ada (Addy) Wrench, UK), WG 2 (Bob Sprocket, France) and WG 3. Cyd Gear (GMD, Germany) kept its papers.\n", "MEMBER_OF Ada (Addy) Wrench -> WG 1 Heavy Gears [national]"},
	{relNational, "Gadget History\n\nThe GC 9 had three working groups WG 1 Heavy Gears (Ada (Addy) Wrench, UK), WG 2 (Bob Sprocket, France) and WG 3. Cyd Gear (GMD, Germany) kept its papers.\n", "MEMBER_OF Cyd Gear -> GMD [national]"},
	{relCardContact, "Gadget Groups\nAnvil Tools\nThe mission of the group is to keep anvil tools.\nContact: Ada Wrench\nRocket Parts\nThe Acme Rocket Parts Working Group writes guidance on parts.\nContacts: Bob Sprocket, Cyd Gear\n", "MEMBER_OF Cyd Gear -> Acme Rocket Parts Working Group [card-contact]"},
	{relCardContact, "Gadget Groups\nAnvil Tools (AT)\nThe mission of the group is to keep anvil tools.\nContact: Ada Wrench\n", "MEMBER_OF Ada Wrench -> Anvil Tools [card-contact]"},
	{relAddressee, "WSO Liaison Letter\n\nTo:     Ada Wrench, GIA\n        Bob Sprocket, CGA\n\nCC:     . Cyd Gear, Chair, WSO\n\nSubject: Update\n", "MEMBER_OF Bob Sprocket -> CGA [addressee]"},
	{relAddressee, "WSO Liaison Letter\n\nTo:     Ada Wrench, GIA\n        Bob Sprocket, CGA\n\nCC:     . Cyd Gear, Chair, WSO\n\nSubject: Update\n", "MEMBER_OF Cyd Gear -> WSO [addressee]"},
	{relThanked, "Gadget Letter\n\nI thank Ada Wrench and Bob Sprocket for their valuable edits to the text of the Gadget Report.\n", "CONTRIBUTED_TO Bob Sprocket -> Gadget Report [thanked]"},
	{relAppointed, "Gadget Board\n\nMs Ada Wrench and Mr Bob Sprocket were appointed WSO representatives to GIA. The board thanked Mr Cyd for agreeing to lead it.\n", "MEMBER_OF Bob Sprocket -> GIA [appointed]"},
	{relAppointed, "Gadget Board\n\nThe board thanked Mr Cyd Gear for agreeing to lead the Anvil Working Group.\n", "MEMBER_OF Cyd Gear -> Anvil Working Group [appointed]"},
	{relAffiliation, "Gadget Report\n\nTalks with Dr. Wrench/Gadget University turned up a draft.\n", "MEMBER_OF Wrench -> Gadget University [affiliation]"},
	{relTitledPerson, jaNews, "MEMBER_OF 山田太郎 -> 歯車ワーキング・グループ [titled-person]"},
	{relOwner, jaNews, "HELD 歯車ワーキング・グループ -> 歯車ワーキング・グループ会合 [owner-prefix]"},
	{relOwner, jaNews, "SUBGROUP_OF 歯車ワーキング・グループ -> 部品委員会 [owner-prefix]"},
	{relAffiliation, jaNews, "MEMBER_OF 佐藤花子 -> 部品庁 [affiliation]"},
	{relPresenter, jaNews, "PRESENTED_AT 佐藤花子 -> 歯車ワーキング・グループ会合 [presenter]"},
	{relRoster, jaTownRecord, "ATTENDED 山田 太郎 -> 部品町推進協議会 会議 [roster-attended]"},
	{relRoster, jaTownRecord, "ATTENDED 佐藤花子 -> 部品町推進協議会 会議 [roster-attended]"},
	{relRosterRole, jaTownRecord, "MEMBER_OF 田中次郎 -> 部品町推進協議会 [roster-role]"},
	{relRosterRole, jaTownRecord, "MEMBER_OF 木村 四郎 -> 部品町推進協議会 [roster-role]"},
	{relEventOwner, jaTownRecord, "HELD 部品町推進協議会 -> 部品町推進協議会 会議 [event-named-after]"},
	{relRosterRole, jaCouncil, "MEMBER_OF 田中 次郎 -> 部品審議会 [roster-role]"},
	{relRoster, jaCouncil, "ATTENDED 岡田 三郎 -> 部品審議会(第3回) [roster-attended]"},
	{relAffiliation, jaCouncil, "MEMBER_OF 木村 四郎 -> 部品局 [affiliation]"},
	{relRosterRole, "Anvil WG call\n\nDate: 2020-03-03\n\nAttendees:\nBob Sprocket (Cogs)\nAda Wrench (Gear Works), Vice Chair\n", "MEMBER_OF Ada Wrench -> Anvil WG [roster-role]"},
	{relRoster, "Anvil WG call\n\nDate: 2020-03-03\n\nAttendees: Bob Sprocket (Cogs)\nAda Wrench (Gear Works)\n", "ATTENDED Ada Wrench -> Anvil WG call [roster-attended]"},
	{relRosterRole, "Anvil Working Group\n\nMembers\n\nBob Sprocket, Cog Works Inc.\nCyd Gear, University of Heights\n", "MEMBER_OF Cyd Gear -> Anvil Working Group [roster-role]"},
	{relAffiliation, "Anvil Working Group\n\nMembers\n\nBob Sprocket, Cog Works Inc.\nCyd Gear, University of Heights\n", "MEMBER_OF Cyd Gear -> University of Heights [affiliation]"},
	{relRoster, "Anvil WG call\n\nDate: 2020-03-03\n\nAttendees\nVoting: Bob Sprocket, Cyd Gear\nNon-voting: Eve Lever\n", "ATTENDED Eve Lever -> Anvil WG call [roster-attended]"},
	{relChairedBy, "Gear Committees\n\nThe Anvil Safety Committee is chaired by Ada Wrench of Cog Works.\n", "MEMBER_OF Ada Wrench -> Anvil Safety Committee [chaired-by]"},
	{relChairedBy, "Gear Committees\n\nAnvil Safety Committee\nCo-chaired by Ada Wrench and Bob Sprocket, it sets rules.\n", "MEMBER_OF Ada Wrench -> Anvil Safety Committee [chaired-by]"},
	{relLiaisonForm, "LIAISON STATEMENT\n\nSource: Gadget Guild Consortium\nFor action to: Widget Standards Organization\n", "LIAISON_WITH Gadget Guild Consortium -> Widget Standards Organization [liaison-form]"},
	{relAffiliation, "LIAISON STATEMENT\n\nContact: Ada Wrench, Rapporteur Q3, GEAR, Korea. E-mail: ada@gear.example\n", "MEMBER_OF Ada Wrench -> GEAR [affiliation]"},
	{relPresenter, "第3回 部品研究会 開催報告\n\n2023年11月8日(水)14時から17時まで、会議室にて第3回部品研究会を開催しました。\n\n講師:歯車株式会社 主任研究員 山田 太郎 氏\n", "PRESENTED_AT 山田 太郎 -> 第3回 部品研究会 [presenter]"},
	{relHosted, "Gear Summit report\n\nEngineers met in Springfield on April 23, 2024 for the Gear Summit, organized by the Cog Foundation and the Anvil Alliance.\n", "HELD Anvil Alliance -> Gear Summit [hosted]"},
	{relPresenter, "Gear Summit report\n\nEngineers met in Springfield on April 23, 2024 for the Gear Summit. Panelists included Ada Wrench (Cog Works) and Bob Sprocket.\n", "PRESENTED_AT Bob Sprocket -> Gear Summit [presenter]"},
	{relRoleField, "Gear Groups\n\n- Anvil WG: builds anvils. Chair: Ada Wrench (Cog Works)\n- Rocket WG - builds rockets; co-chairs Bob Sprocket and Cyd Gear\n", "MEMBER_OF Cyd Gear -> Rocket WG [role-field]"},
	{relOwnerOf, "Gear Groups\n\n- Anvil Working Group\n- Drop Subgroup, part of the Anvil Working Group\n", "SUBGROUP_OF Drop Subgroup -> Anvil Working Group [owner-of-phrase]"},
	{relOwner, "Dear all,\n\nFollowing the joint meeting of the Anvil Working Group on 5 March 2019 in Springfield, we agreed to merge.\n", "HELD Anvil Working Group -> joint meeting of the Anvil Working Group [owner-prefix]"},
	{relRoleField, "部品協議会の活動\n\n歯車WG\n歯車の規格を検討しています。主査は山田太郎(部品株式会社)です。\n", "MEMBER_OF 山田太郎 -> 歯車WG [role-field]"},
	{relPublished, "部品協議会 ワーキンググループ\n\n歯車WG\n歯車の規格を検討し、「歯車監査ガイドブック」を2022年に公開しました。\n\n発条WG\n発条を調べています。\n", "PUBLISHED 歯車WG -> 歯車監査ガイドブック [published-by]"},
	{relRoster, "Anvil WG\nMeeting notes, 2024-02-15\n\n| Name | Affiliation | Role |\n| --- | --- | --- |\n| Ada Wrench | Cog Works | Co-chair |\n| Bob Sprocket | Gear Inc. | Member |\n", "ATTENDED Bob Sprocket -> Anvil WG meeting [roster-attended]"},
	{relRosterRole, "Anvil WG\nMeeting notes, 2024-02-15\n\n| Name | Affiliation | Role |\n| --- | --- | --- |\n| Ada Wrench | Cog Works | Co-chair |\n", "MEMBER_OF Ada Wrench -> Anvil WG [roster-role]"},
	{relRoleField, "Leadership | Gear Council\n\nBoard\n\nAda Wrench — President, Cog Works\nBob Sprocket — Treasurer, Anvil Bank\n", "MEMBER_OF Bob Sprocket -> Gear Council [role-field]"},
	{relAffiliation, "Leadership | Gear Council\n\nBoard\n\nAda Wrench — President, Cog Works\nBob Sprocket — Treasurer, Anvil Bank\n", "MEMBER_OF Bob Sprocket -> Anvil Bank [affiliation]"},
	{relRoleField, "Leadership | Gear Council\n\nTechnical Steering Committee\n\nChair: Cyd Gear, Redwood Anvils\n", "MEMBER_OF Cyd Gear -> Technical Steering Committee [role-field]"},
	{relAffiliation, "Leadership | Gear Council\n\nTechnical Steering Committee\n\nChair: Cyd Gear, Redwood Anvils\n", "MEMBER_OF Cyd Gear -> Redwood Anvils [affiliation]"},
	{relPresenter, "第5回 部品勉強会 開催レポート\n\n2024年3月12日(火)、第5回部品勉強会を開催しました。\n\n続いて、部品株式会社の森田 亜紀 氏が講演を行いました。\n", "PRESENTED_AT 森田 亜紀 -> 第5回 部品勉強会 [presenter]"},
	{relAffiliation, "第5回 部品勉強会 開催レポート\n\n2024年3月12日(火)、第5回部品勉強会を開催しました。\n\n続いて、部品株式会社の森田 亜紀 氏が講演を行いました。\n", "MEMBER_OF 森田 亜紀 -> 部品株式会社 [affiliation]"},
	{relLiaison, "Liaison Request Form\n\nName of requesting organization: Cog Consortium\nTarget organization: Anvil Alliance\nPurpose of the proposed liaison: exchange drafts\n", "LIAISON_WITH Cog Consortium -> Anvil Alliance [liaison]"},
	{relTitledPerson, "Gear Summit notes\n\nWe heard from Ada Wrench, Senior Policy Analyst at the Gear Data Office, on budgets.\n", "MEMBER_OF Ada Wrench -> Gear Data Office [titled-person]"},
	{relTitledPerson, "Gear Summit wrap\n\nThe Gadget Alliance has backed every summit, and three staff members attended: Chief Engineer Ada Wrench, Policy Director Bob Sprocket and Cyd Gear.\n", "MEMBER_OF Bob Sprocket -> Gadget Alliance [titled-person]"}, // a staff list after a colon
	{relPresenter, "Gear Workshop Agenda\nTuesday, 9 April 2024 - Springfield\n\n09:30 Keynote: Anvils at Scale - Ada Wrench, Cog Works\n", "PRESENTED_AT Ada Wrench -> Gear Workshop [presenter]"},
	{relPresenter, "Gear Workshop Agenda\nTuesday, 9 April 2024 - Springfield\n\n09:30 Keynote: Anvils at Scale - Ada Wrench, Cog Works\n", "CONTRIBUTED_TO Ada Wrench -> Anvils at Scale [presenter]"},
	{relLetterCard, "Dear Ada,\n\nPlease find the report.\n\nSincerely,\n\nBob Sprocket\nSecretary, Gear Standards Institute\n", "MEMBER_OF Bob Sprocket -> Gear Standards Institute [letter-card]"},
	{relPartners, "Project Gizmo is a collaboration between the Gear Institute and the Cog Consortium to build gizmos.", "PARTICIPATES_IN Cog Consortium -> Project Gizmo [partners]"},
	{relOwnerOf, "The Institute for Gears at the University of Cogs builds gizmos.", "PART_OF Institute for Gears -> University of Cogs [owner-of-phrase]"},
	{relPartners, "Partners of the Gizmo Project include: the Gear Institute, which gave parts; Yahoo, which gave servers; and Cisco.", "PARTICIPATES_IN Yahoo -> Gizmo [partners]"},
	{relRoleField, "SOURCE: https://gear-guild.example/groups/\nOur groups\n\nThe Gear Guild works in its Cog working group and on a gizmo platform.\n\nChair: Bob Sprocket\n\nDescription: This group writes cog rules.\n\nGizmo Platform\n\nChair: Ada Wrench\n\nDescription: This group builds gizmos.\n", "MEMBER_OF Bob Sprocket -> Cog working group [role-field]"},
	{relMaintains, "Gizmo Standards Committee\n\nActive Standards\n\nIEEE Std. 9999-2020 Guide for Gizmo Profiles\n\nChair: Ada Wrench\n", "MAINTAINS Gizmo Standards Committee -> Guide for Gizmo Profiles [maintains]"},
	{relMaintains, "GZA P9999 Gizmo Working Group Kickoff Meeting: July 15, 2011\n\nThe proposed P9999 standard will define gizmos.\n", "MAINTAINS GZA P9999 Gizmo Working Group -> P9999 [maintains]"},
	{relAffiliation, "Gizmo WG call\n\nDate: 2020-03-03\n\nThe roadmap was presented by Ada Wrench of GZA Data.\n", "MEMBER_OF Ada Wrench -> GZA Data [affiliation]"},
	{relTitledPerson, "GZA Gizmo Working Group Kickoff Meeting: July 15, 2011\n\nThe scope was addressed in a presentation by WG Chair Ada Wrench.\n", "MEMBER_OF Ada Wrench -> GZA Gizmo Working Group [titled-person]"},
	{relSubgroup, "部品協会\n\n3つのWGの連携は部品分科会にて行う。\nWG1:歯車の安全\n歯車を議論する。\nWG2:軸受の品質\n", "SUBGROUP_OF 軸受の品質 -> 部品分科会 [subgroup-of]"},
	{relNamedActor, "Anvil WG call\n\nDate: 2020-03-03\n\nAda Wrench presented the roadmap.\n", "PRESENTED_AT Ada Wrench -> Anvil WG call [named-actor]"},
	{relEventOwner, "GZA 802.9 Working Group on Anvils\n\nMinutes of the GZA 802.9 Session #4, 12 May 2006\n", "HELD GZA 802.9 Working Group on Anvils -> GZA 802.9 Session #4 [event-named-after]"},
	{relAffiliation, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Ada Wrench (Principal, Gear Works Inc.)\n", "MEMBER_OF Ada Wrench -> Gear Works Inc. [affiliation]"},
	{relAffiliation, "部品作業部会(第1回)\n\n日時:令和2年3月4日(水)\n\n出席者\n- 山田太郎(部品株式会社取締役)\n", "MEMBER_OF 山田太郎 -> 部品株式会社 [affiliation]"},
	{relAffiliation, "部品作業部会(第1回)\n\n日時:令和2年3月4日(水)\n\n出席者(敬称略、順不同)\n[関係者]\n山田 太郎、佐藤 花子(以上、部品(株))\n", "MEMBER_OF 山田 太郎 -> 部品(株) [affiliation]"},
	{relRosterRole, "部品作業部会(第1回)\n\n日時:令和2年3月4日(水)\n\n出席者(敬称略、順不同)\n[専門委員]\n佐藤 明子(主査)、山田 太郎\n", "MEMBER_OF 佐藤 明子 -> 部品作業部会 [roster-role]"},
	{relRosterRole, "第2回部品委員会議事録\n\n1 日 時:令和2年3月4日(水)\n\n2 出席者:\n\n山田太郎委員長、佐藤花子委員長代理、鈴木一郎委員\n", "MEMBER_OF 佐藤花子 -> 部品委員会 [roster-role]"},
	{relRosterRole, "部品会議第5回歯車調査会議事概要\n\n日時:平成18年7月13日(木)\n\n出席者:山田会長 佐藤議員 鈴木委員\n", "MEMBER_OF 佐藤 -> 部品会議 [roster-role]"},
	{relRosterRole, "部品委員会(第2回) 議事録\n\n平成15年9月29日(月)\n\n【松山委員】\n京都大学の松山でございます。\n", "MEMBER_OF 松山 -> 部品委員会 [roster-role]"},
	{relGroupPerson, "Review of subgroups\n\nThe subgroups and Chairs that need to respond are:\n - Widget TAG - Ada Wrench\n - 802 Gadget Standing Committee - Bob Sprocket\n", "MEMBER_OF Bob Sprocket -> 802 Gadget Standing Committee [group-person-item]"},
	{relDesignated, "Groups\n\nAG 1 Gadget Planning\nAG 19 Coordination with ISO TC 20/SC 16 on Flying Anvils\n", "COLLABORATES_WITH Coordination with ISO TC 20/SC 16 on Flying Anvils -> ISO TC 20/SC 16 [designated-group]"},
	{relAffiliation, "Gadget Council report\n\n1. Wg 11.1 Gadget Safety Officers: Chair: Ann Berger, University of Heights, UK (first term) Vice-Chair: Bob Sprocket\n", "MEMBER_OF Ann Berger -> University of Heights [affiliation]"},
	{relPresenter, "Widget log\n\n  • 2019年10月4日(金)\n    Widget Meetup #3\n  • 2019年9月14日(土)(終了)\n    Widget Summit 2019\n    <スケジュール Timetable>\n    1540 – 1600\n    Gadgets Across the Sea and Back Again\n    <演者 Speaker> Ann Berger\n  • 2019年8月5日(月)\n    Widget Meetup #2\n", "CONTRIBUTED_TO Ann Berger -> Gadgets Across the Sea and Back Again [presenter]"},
	{relDiscussed, "Widget log\n\n  • 2019年10月4日(金)\n    Widget Meetup #3\n  • 2019年9月14日(土)(終了)\n    Widget Summit 2019\n    <スケジュール Timetable>\n    1540 – 1600\n    Gadgets Across the Sea and Back Again\n    <演者 Speaker> Ann Berger\n  • 2019年8月5日(月)\n    Widget Meetup #2\n", "DISCUSSED Widget Summit 2019 -> Gadgets Across the Sea and Back Again [discussed-at-meeting]"},
	{relRosterRole, "部品部会(第6回) 議事録\n\n日時:平成17年5月17日(火)14:00~16:00\n\n出席者:(委員(五十音順))\n\n梅津委員、浜委員、橘川部会長\n\n議題\n", "MEMBER_OF 浜 -> 部品部会 [roster-role]"},
	{relCareOf, "Application Form\n\nWe accept the aims of the European Gadget Guild AISBL.\n\nPlease return completed form to:\nEuropean Gadget Guild EGG (c/o Dr Ann Berger)\n", "MEMBER_OF Ann Berger -> European Gadget Guild AISBL [care-of]"},
	{relAffiliation, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Ada Wrench (DHS CISA), Bob Sprocket (gearworks.io)\n", "MEMBER_OF Ada Wrench -> DHS CISA [affiliation]"},
	{relAffiliation, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Ada Wrench (DHS CISA), Bob Sprocket (gearworks.io)\n", "MEMBER_OF Bob Sprocket -> gearworks.io [affiliation]"},
	{relLiaisonForm, "Source: |\n||\nGadget Guild Consortium (GGC) |\n||\nTitle: |\n||\nLIAISON STATEMENT |\n||\nTo: |\n||\nACME SG16 |\n", "LIAISON_WITH Gadget Guild Consortium -> ACME [liaison-form]"},
	{relLeaderCard, "Working Group\n\nRocket Propulsion\n\nWorking Group Co-Chairs\n\nAda Wrench\n\nAda Wrench\n\nChief Engineer, GGC EMEA\n", "MEMBER_OF Ada Wrench -> Rocket Propulsion [leader-card]"},
	{relLeaderCard, "Working Group\n\nRocket Propulsion\n\nWorking Group Co-Chairs\n\nAda Wrench\n\nAda Wrench\n\nChief Engineer, GGC EMEA\n", "MEMBER_OF Ada Wrench -> GGC EMEA [leader-card]"},
	{relPossessive, "Gadget Board\n\nWidget 8.2 Liaison Report\n\nAda Wrench’s Widget 8.2 liaison report for May 2005 is located here:\n", "CONTRIBUTED_TO Ada Wrench -> Widget 8.2 Liaison Report [possessive-author]"},
	{relPossessive, "Gadget Board\n\nThe team read Bob Sprocket's Anvil Safety Whitepaper.\n", "CONTRIBUTED_TO Bob Sprocket -> Anvil Safety Whitepaper [possessive-author]"},
	{relGroupCount, "部品分科会は、3つのワーキンググループ(WG)により活動している。\nWG1:歯車の安全\nWG2:部品の標準\n", "SUBGROUP_OF 部品の標準 -> 部品分科会 [group-count]"},
	{relSubgroup, "Liaison between ISO/IEC JTC1/SC42 and the Gear Forum\n\nSC42/WG20 wrote it.\n", "SUBGROUP_OF SC42/WG20 -> ISO/IEC JTC1/SC42 [subgroup-of]"},
	{relSubgroup, "Gadget news\n\nSC 38 met in May.\n\nSC 38 has agreed a work plan.\n\nGear wiring working group – WG 1\n\nWG 1 wires gears.\n\nCog fitting working group – WG 2\n\nWG 2 fits cogs.\n", "SUBGROUP_OF Cog fitting working group -> SC 38 [subgroup-of]"}, // groups under headings of name and number
	{relSubgroup, "Gadget history\n\nThe GZO committee TC 42 began it. GZO/TC 42/SC 7 grew out of TC 42.\n", "SUBGROUP_OF GZO/TC 42/SC 7 -> TC 42 [subgroup-of]"},                                                                                                        // the parent named without its body
	{relRoster, "Gear Committee Meeting Minutes\n\nMay 3, 2005\n\nName / Affiliation / E-mail Address\nWrench, Ada / Gear Works /\nBob Sprocket / Cog Inc. /\n", "ATTENDED Wrench, Ada -> Gear Committee Meeting [roster-attended]"},                                     // a table parted by slashes
	{relGroupCount, "The Gadget Working Group works in two subgroups:\n\nAnvil Task Force: heavy parts\n\nSpring Task Force: light parts\n", "SUBGROUP_OF Spring Task Force -> Gadget Working Group [group-count]"},
	{relGroupCount, "Acme Alliance Groups\n\nToday there are three active Acme Alliance working groups: Anvil/Core, Rocket Parts, and SPRING.\n", "PART_OF Rocket Parts -> Acme Alliance [group-count]"},
	{relGluedRoster, "2020-03-03 Meeting Minutes\n\nSeat NameAttended\nAWG1stAda WrenchYes\nBWG2ndBob Sprocket (Chair)No\n", "MEMBER_OF Ada Wrench -> AWG [glued-roster]"},
	{relGluedRoster, "2020-03-03 Meeting Minutes\n\nSeat NameAttended\nAWG1stAda WrenchYes\nBWG2ndBob Sprocket (Chair)No\n", "ATTENDED Ada Wrench -> 2020-03-03 Meeting [roster-attended]"},
	{relGluedRoster, "Child pages\n  • 2020-03-03 Meeting Minutes\n\nSkip to end of metadata\n\nSeat NameAttended\nAWG1stAda WrenchYes\n", "ATTENDED Ada Wrench -> Meeting Minutes [roster-attended]"},
	{relAffiliation, "Meeting Report of Anvil WG#3\n\n   Chairman:      Ada Wrench      Gear Works Inc.\n   Vice Chairman:      Bob Sprocket      BT\n", "MEMBER_OF Ada Wrench -> Gear Works Inc. [affiliation]"},
	{relOwner, "Working Group\n\nRocket Propulsion\n\nThe Gadget Guild Consortium (GGC) builds rockets.\n\nWorking Group Co-Chairs\n\nAda Wrench\n\nChief Engineer, GGC EMEA\n", "PART_OF GGC EMEA -> Gadget Guild Consortium [owner-prefix]"},
	{relOwner, "Meeting Report of GGC AB1 LI#29\n22-24 April 2008\n\nChairman:   Ada Wrench   Gear Works Inc.\n", "PART_OF GGC AB1 LI -> GGC [owner-prefix]"},
	{relRegrets, "Anvil WG call\n\nDate: 2020-03-03\n\nApologies were received from Eve Lever and Cyd Gear.\n", "MEMBER_OF Cyd Gear -> Anvil WG [regrets-member]"},
	{relRegrets, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Bob Sprocket\nRegrets: Eve Lever\n", "MEMBER_OF Eve Lever -> Anvil WG [regrets-member]"},
	{relRoster, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Bob Sprocket\nStaff: Cyd Gear\n", "ATTENDED Cyd Gear -> Anvil WG call [roster-attended]"},
	{relRoster, "Anvil WG call\n\nDate: 2020-03-03\n\nATTENDEES\n---------\nZed (Zee) Gear (Cogs) / Gadget Area\nAda Wrench (Cogs) / Widget Area\n", "ATTENDED Ada Wrench -> Anvil WG call [roster-attended]"},
	{relRoster, "Anvil WG call\n\nDate: 2020-03-03\n\nATTENDEES\n---------\nZed (Zee) Gear (Cogs) / Gadget Area\nAda Wrench (Cogs) / Widget Area\n", "ATTENDED Zed Gear -> Anvil WG call [roster-attended]"},
	{relRoster, "部品評価会議(第2回)議事概要\n\n1 日時:平成12年11月21日(火)13時〜15時\n\n3 出席者:\n\n山田太郎議長、多賀谷一照委員\n", "ATTENDED 多賀谷一照 -> 部品評価会議(第2回) [roster-attended]"},
	{rulePersonRef, "部品技術委員会 歯車作業部会(第13回) 議事録\n\n1.日時\n\n平成29年6月19日(水曜日)10時00分~11時30分\n\n4.議事録\n\n(上坂主査) それでは、ただ今から第13回歯車作業部会を開催いたします。\n 礒章子委員が一身上の都合により6月13日付けで辞任されましたのでご報告させていただきます。\n(道川補佐) 本日は小松崎委員、中島委員、尾野委員が欠席です。\n", "ATTENDED 道川 -> 歯車作業部会(第13回) [person-reference]"},
	{relRosterRole, "部品技術委員会 歯車作業部会(第13回) 議事録\n\n1.日時\n\n平成29年6月19日(水曜日)10時00分~11時30分\n\n4.議事録\n\n(上坂主査) それでは、ただ今から第13回歯車作業部会を開催いたします。\n 礒章子委員が一身上の都合により6月13日付けで辞任されましたのでご報告させていただきます。\n(道川補佐) 本日は小松崎委員、中島委員、尾野委員が欠席です。\n", "MEMBER_OF 尾野 -> 歯車作業部会 [roster-role]"},
	{relRosterRole, "部品技術委員会 歯車作業部会(第13回) 議事録\n\n1.日時\n\n平成29年6月19日(水曜日)10時00分~11時30分\n\n4.議事録\n\n(上坂主査) それでは、ただ今から第13回歯車作業部会を開催いたします。\n 礒章子委員が一身上の都合により6月13日付けで辞任されましたのでご報告させていただきます。\n(道川補佐) 本日は小松崎委員、中島委員、尾野委員が欠席です。\n", "MEMBER_OF 礒章子 -> 歯車作業部会 [roster-role]"},
	{relSubjectHeld, "部品技術委員会 歯車作業部会(第13回) 議事録\n\n1.日時\n\n平成29年6月19日(水曜日)10時00分~11時30分\n\n4.議事録\n\n(上坂主査) それでは、ただ今から第13回歯車作業部会を開催いたします。\n 礒章子委員が一身上の都合により6月13日付けで辞任されましたのでご報告させていただきます。\n(道川補佐) 本日は小松崎委員、中島委員、尾野委員が欠席です。\n", "HELD 歯車作業部会 -> 歯車作業部会(第13回) [page-group-held]"},
	{ruleDocAgenda, "部品評価会議(第2回)議事概要\n\n1 日時:平成12年11月21日(火)13時〜15時\n\n2 議事次第:\n  1. 開会\n  2. 部品調達アクション・プランの策定について\n  3. 閉会\n", "DISCUSSED 部品評価会議(第2回) -> 部品調達アクション・プラン [discussed-at-meeting]"},
	{relAppositive, "Gadget thread\n\nHi all, Ada Wrench, GADA forum-level liaison to WIDG, asks us to review the plan. Thanks.\n", "MEMBER_OF Ada Wrench -> GADA [appositive-post]"},
	{relAppositive, "Gadget thread\n\nHi all, Ada Wrench, GADA forum-level liaison to WIDG, asks us to review the plan. Thanks.\n", "LIAISON_WITH GADA -> WIDG [appositive-post]"},
	{relSignedFor, "Gadget thread\n\nThe GZ-WG already talks to them and this fits our work. Thanks, -- Bob Sprocket\n", "MEMBER_OF Bob Sprocket -> GZ-WG [signed-for-group]"},
	{ruleCatalogueRow, "Gadget Working Group (GWG)\n\nThe GADA Gadget Working Group writes specifications.\n\nSpecifications\n\nGSP0101 1.0.0 Gadget Wire Specification 14 Dec 2012\n\n.pdf file. GADA Standard\n\nGSP2002 2.0.0 Gadget Primer 4 Aug 2016\n\n.pdf file. GADA Informational\n", "MAINTAINS GADA -> Gadget Wire Specification [catalogue-row]"},
	{ruleCatalogueRow, "Gadget Working Group (GWG)\n\nThe GADA Gadget Working Group writes specifications.\n\nSpecifications\n\nGSP0101 1.0.0 Gadget Wire Specification 14 Dec 2012\n\n.pdf file. GADA Standard\n\nGSP2002 2.0.0 Gadget Primer 4 Aug 2016\n\n.pdf file. GADA Informational\n", "PUBLISHED GADA -> Gadget Primer [catalogue-row]"},
	{relOwner, "GADA’s Gizmo Initiative uses this work.", "PART_OF Gizmo Initiative -> GADA [owner-prefix]"},
	{relRoster, "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "ATTENDED Ada Wrench -> Gadget Council Teleconference [roster-attended]"},
	{relSlashSeat, "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "MEMBER_OF Bob Sprocket -> GZPC [roster-seat]"},
	{relSlashSeat, "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "MEMBER_OF Dot Lever -> Gadget Council [roster-seat]"},
	{relAffiliation, jaSpacedRoster, "MEMBER_OF 鈴木 一郎 -> 総務局ICT推進部 [affiliation]"},
	{relRosterRole, jaSpacedRoster, "MEMBER_OF 山田 太郎 -> 部品対策検討チーム [roster-role]"},
	{relRosterRole, jaSpacedRoster, "MEMBER_OF 梅津 -> 部品対策検討チーム [roster-role]"},       // a titled surname alone is an entry, no heading
	{relRosterRole, jaColumnMinutes, "MEMBER_OF やまだたろう -> 部品対策特別委員会 [roster-role]"},  // a post's cell, then the name's
	{relAffiliation, jaColumnMinutes, "MEMBER_OF 森 進 -> 企画部 [affiliation]"},          // a department's cell over its posts
	{relRoster, jaColumnMinutes, "ATTENDED 高木 守 -> 部品対策特別委員会 第三号 [roster-attended]"}, // staff after the absent are present
	{relRosterRole, jaFlatRoster, "MEMBER_OF 鈴木 一郎 -> 部品運営委員会 [roster-role]"},        // two names the list ran together
	{relRosterRole, jaFlatRoster, "MEMBER_OF 田中 花子 -> 部品運営委員会 [roster-role]"},        // a member who sent a proxy
	{relAffiliation, jaHonorificRoster, "MEMBER_OF 林一司 -> 部品株式会社 [affiliation]"},     // an honorific before the affiliation
	{relRoster, jaHonorificRoster, "ATTENDED 佐藤花子 -> 第7回部品諮問委員会 [roster-attended]"},  // 陪席者: attending beside the members
	{relRoleIs, "Gadget standards\n\nMost work is in GZO/IEC JTC9/SC7/WG5.The convenor is Ada Wrench, and the vice convenor is Bob Sprocket. Some is in GZO PC317. The convenor is Cyd Gear.\n", "MEMBER_OF Bob Sprocket -> GZO/IEC JTC9/SC7/WG5 [role-is]"},
	{relRoleIs, "Gadget standards\n\nMost work is in GZO/IEC JTC9/SC7/WG5.The convenor is Ada Wrench, and the vice convenor is Bob Sprocket. Some is in GZO PC317. The convenor is Cyd Gear.\n", "MEMBER_OF Cyd Gear -> GZO PC317 [role-is]"}, // the group named last before the post
	{relRoster, jaFlatRoster, "ATTENDED 山田 太郎 -> 部品協会 第5回 部品運営委員会 [roster-attended]"},                                                                                                                                                         // fields run together on one line
	{relRosterBody, "Meeting of the GADA Council - 18 May 2023\n\nAttendees:\n\n  • Ada Wrench, Chair (AW)\n\nGADA Staff:\n\n  • Eve Anvil, (EA) Policy Analyst\n", "MEMBER_OF Eve Anvil -> GADA [roster-body]"},
	{relSetApart, "Meeting of the GADA Council - 18 May 2023\n\nAttendees:\n\n  • Ada Wrench, Chair (AW)\n  • Bob Sprocket (BS)\n\nGADA Staff:\n\n  • Eve Anvil, Chief Customer Officer\n", "MEMBER_OF Bob Sprocket -> GADA Council [attendees-set-apart]"},
	{relRosterBody, "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "MEMBER_OF Eve Anvil -> GADA [roster-body]"},
	{relRoster, "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "ATTENDED Fay Bolt -> Gadget Council Teleconference [roster-attended]"},
	{relLiaisonForm, "Liaison statement\nLiaison statement from GADA SG 7 to WIDG on Gadget output of the Gizmo Focus Group\n\nState Posted\nPosted Date 2007-10-19\nFrom Group GADA-SG-7\nFrom Contact Ada Wrench\nTo Group WIDG\nTo Contacts Bob Sprocket\nPurpose For comment\n", "MEMBER_OF Bob Sprocket -> WIDG [liaison-form]"},
	{relLiaisonForm, "Liaison statement\nLiaison statement from GADA SG 7 to WIDG on Gadget output of the Gizmo Focus Group\n\nState Posted\nPosted Date 2007-10-19\nFrom Group GADA-SG-7\nFrom Contact Ada Wrench\nTo Group WIDG\nTo Contacts Bob Sprocket\nPurpose For comment\n", "CONTRIBUTED_TO Ada Wrench -> Liaison statement from GADA SG 7 to WIDG on Gadget output of the Gizmo Focus Group [liaison-form]"},
	{relRoleField, "Gadget structure\n\nJTC 9/SC 7 Chairman: GADA, Germany, Ada Wrench (1st three-year term, January 2019 - January 2022)\nJTC 9/SC 7 Vice-chair: WIDG, United States, Bob Sprocket\n", "MEMBER_OF Bob Sprocket -> JTC 9/SC 7 [role-field]"},
	{relAffiliation, "Gadget structure\n\nJTC 9/SC 7 Chairman: GADA, Germany, Ada Wrench (1st three-year term, January 2019 - January 2022)\nJTC 9/SC 7 Vice-chair: WIDG, United States, Bob Sprocket\n", "MEMBER_OF Ada Wrench -> GADA [affiliation]"},
	{ruleDocAgenda, "GZA第12回代表会議(令和4年9月度)議事録\n\n1.日 時:令和4年9月7日(水)13:00~14:15\n\n4.配布資料\n4-1.GZA第3期9月度(第12回)代表会議議事資料\n4-2.部品省資料「歯車の未来に向けて」\n\n5.議題と議事\n5-1.部品省担当者ブリーフィング\n", "DISCUSSED GZA第12回代表会議(令和4年9月度) -> 歯車の未来に向けて [discussed-at-meeting]"},
	{relPublished, "GZA第12回代表会議(令和4年9月度)議事録\n\n1.日 時:令和4年9月7日(水)13:00~14:15\n\n4.配布資料\n4-1.GZA第3期9月度(第12回)代表会議議事資料\n4-2.部品省資料「歯車の未来に向けて」\n\n5.議題と議事\n5-1.部品省担当者ブリーフィング\n", "PUBLISHED 部品省 -> 歯車の未来に向けて [published-by]"},
	{relEventOwner, "GZA第12回代表会議(令和4年9月度)議事録\n\nGadget Zone Association (GZA)\n\n1.日 時:令和4年9月7日(水)13:00~14:15\n\n4.配布資料\n4-1.GZA第3期9月度(第12回)代表会議議事資料\n4-2.部品省資料「歯車の未来に向けて」\n\n5.議題と議事\n5-1.部品省担当者ブリーフィング\n", "HELD 代表会議 -> GZA第12回代表会議(令和4年9月度) [event-named-after]"},
	{relRoster, "部品通信審議会 総会(第12回)議事録\n\n第1 開催日時及び場所\n平成30年3月22日(木) 15時00分~16時00分 於、部品省第1特別会議室\n\n第2 出席した委員(敬称略)\n山田太郎(会長)、佐藤花子(会長代理)、鈴木一郎、高橋次郎\n(以上4名)\n\n第3 出席した関係職員\n部品省\n伊藤四郎(部品大臣)\n\n第4 議題\n(1) 歯車の在り方について\n", "ATTENDED 鈴木一郎 -> 部品通信審議会 総会(第12回) [roster-attended]"},
	{relRosterRole, "部品通信審議会 総会(第12回)議事録\n\n第1 開催日時及び場所\n平成30年3月22日(木) 15時00分~16時00分 於、部品省第1特別会議室\n\n第2 出席した委員(敬称略)\n山田太郎(会長)、佐藤花子(会長代理)、鈴木一郎、高橋次郎\n(以上4名)\n\n第3 出席した関係職員\n部品省\n伊藤四郎(部品大臣)\n\n第4 議題\n(1) 歯車の在り方について\n", "MEMBER_OF 高橋次郎 -> 部品通信審議会 [roster-role]"},
	{relAffiliation, "部品通信審議会 総会(第12回)議事録\n\n第1 開催日時及び場所\n平成30年3月22日(木) 15時00分~16時00分 於、部品省第1特別会議室\n\n第2 出席した委員(敬称略)\n山田太郎(会長)、佐藤花子(会長代理)、鈴木一郎、高橋次郎\n(以上4名)\n\n第3 出席した関係職員\n部品省\n伊藤四郎(部品大臣)\n\n第4 議題\n(1) 歯車の在り方について\n", "MEMBER_OF 伊藤四郎 -> 部品省 [affiliation]"},
	{relRoleField, "Gadget Consortium groups\n\nWorking Groups\n\nWire Format Working Group\nChair: Dot Lever, Anvil Labs\nStaff Contacts: Eve Bolt, Fay Nut\n", "MEMBER_OF Fay Nut -> Wire Format Working Group [role-field]"},
	{relLetterParties, "Dear Mr. Sprocket,\n\nOn behalf of the GADA Gadget Working Group, I am pleased to send this liaison letter to the Widget Standards Association (WSA).\n", "LIAISON_WITH GADA -> Widget Standards Association [letter-parties]"},
	{relRoster, "部品地域情報化協議会 議事録\n\n日時:平成16年8月30日(月)14時~16時\n\n出席者:\n委員\n山田太郎(部品町商工会長)、佐藤花子(部品町観光協会長)代理出席 鈴木一郎\n欠席者:田中三郎(部品町区長会長)\n事務局:企画課長 伊藤、企画課 渡辺主査\n", "ATTENDED 鈴木一郎 -> 部品地域情報化協議会 [roster-attended]"},
	{relRoster, "部品地域情報化協議会 議事録\n\n日時:平成16年8月30日(月)14時~16時\n\n出席者:\n委員\n山田太郎(部品町商工会長)、佐藤花子(部品町観光協会長)代理出席 鈴木一郎\n欠席者:田中三郎(部品町区長会長)\n事務局:企画課長 伊藤、企画課 渡辺主査\n", "ATTENDED 伊藤 -> 部品地域情報化協議会 [roster-attended]"},
	{relRoster, "部品地域情報化協議会 議事録\n\n日時:平成16年8月30日(月)14時~16時\n\n出席者:\n委員\n山田太郎(部品町商工会長)、佐藤花子(部品町観光協会長)代理出席 鈴木一郎\n欠席者:田中三郎(部品町区長会長)\n事務局:企画課長 伊藤、企画課 渡辺主査\n", "ATTENDED 渡辺 -> 部品地域情報化協議会 [roster-attended]"},
	{relRoster, "部品通信審議会 総会(第12回)議事録\n\n1 日時 平成30年3月22日(木)15時00分~16時00分\n\n2 場所 部品省 第1特別会議室\n\n3 出席者\n(1)委員(敬称略)\n内山 竹志(会長)、相田 仁(会長代理)、石戸 奈々子\n(2)部品省\n野田 聖子(部品大臣)、坂井 学(部品副大臣)\n\n4 議題\n(1)諮問事項\n", "ATTENDED 石戸 奈々子 -> 部品通信審議会 総会(第12回) [roster-attended]"},
	{relAffiliation, "部品通信審議会 総会(第12回)議事録\n\n1 日時 平成30年3月22日(木)15時00分~16時00分\n\n2 場所 部品省 第1特別会議室\n\n3 出席者\n(1)委員(敬称略)\n内山 竹志(会長)、相田 仁(会長代理)、石戸 奈々子\n(2)部品省\n野田 聖子(部品大臣)、坂井 学(部品副大臣)\n\n4 議題\n(1)諮問事項\n", "MEMBER_OF 坂井 学 -> 部品省 [affiliation]"},
	{relSlashSeat, "Gadget Council notes\n\nThe Widget Engineering Steering Group (WESG) met.\n\nNarrative minutes for the 2024-03-05 WESG Teleconference\n\nATTENDEES\nAda Wrench (Cogs) / Security Area\nBob Sprocket (Cogs) / WESG Chair\n", "MEMBER_OF Ada Wrench -> Widget Engineering Steering Group [roster-seat]"},
	{relSlashSeat, "Gadget Council notes\n\nThe Gadget Secretariat helps.\n\nATTENDEES\nAda Wrench (Cogs) / Gadget Secretariat, Scribe\n", "MEMBER_OF Ada Wrench -> Gadget Secretariat [roster-seat]"},
	{relRoster, "Anvil WG call\n\nDate: 2020-03-03\n\nATTENDEES\nAda Wrench (Cogs)\nBob Sprocket (Cogs)\n\nOBSERVERS\n---------\nCyd Gear\n\nAgenda\n", "ATTENDED Cyd Gear -> Anvil WG call [roster-attended]"},
	{relEventOwner, "Gadget Council notes\n\nThe Widget Engineering Steering Group met.\n\nWIDGET ENGINEERING STEERING GROUP (WESG)\nNarrative minutes for the 2024-03-05 WESG Teleconference\n\nATTENDEES\nAda Wrench (Cogs)\n", "HELD Widget Engineering Steering Group -> 2024-03-05 WESG Teleconference [event-named-after]"},
	{relOwner, "部品会議第5回歯車調査会議事概要\n\n日時:平成18年7月13日(木)\n", "PART_OF 歯車調査会 -> 部品会議 [owner-prefix]"},
	{relRosterRole, "議事概要 : 山田会長 定刻になりましたので\n\nTranscription\n\n1 部品会議第5回歯車調査会議事概要 日時 : 平成18年7月13日(木) 出席者 : 山田会長 鈴木委員\n", "MEMBER_OF 鈴木 -> 歯車調査会 [roster-role]"},
	{relAffiliation, "第2回部品委員会議事録\n\n1 日 時:令和2年3月4日(水)\n\n2 出席者:\n\n山田太郎委員長、田中一郎歯車検討部会座長\n", "MEMBER_OF 田中一郎 -> 歯車検討部会 [affiliation]"},
	{relOwnerOf, "部品審議会 技術分科会 部品作業部会(第1回)\n\n日時:令和2年3月4日(水)\n", "SUBGROUP_OF 部品作業部会 -> 技術分科会 [owner-prefix]"},
	{relRoleField, "Anvil WG call\n\nDate: 2020-03-03\n\n1. Call to Order - Chair: Ada Wrench\n", "MEMBER_OF Ada Wrench -> Anvil WG [role-field]"},
	{relTitledPerson, "The Widget Standards Organization (WSO) met. WSO Deputy Director Pat Tinker spoke.", "MEMBER_OF Pat Tinker -> Widget Standards Organization [titled-person]"},
	{relTitledPerson, "Report\n\nJared Ablon, CISO at Skyward, spoke.", "MEMBER_OF Jared Ablon -> Skyward [titled-person]"},
	{relAffiliation, "Widget Summit 2020\n\nModerator: Ann Berger (Board member at Verilan, President at Skyward)\n", "MEMBER_OF Ann Berger -> Skyward [affiliation]"},
	{relOwner, "The Widget Standards Alliance (WSA) grows.\n\nThe WSA Tokyo Chapter met.\n", "PART_OF WSA Tokyo Chapter -> Widget Standards Alliance [owner-prefix]"},
	{relOwner, "部品協会(BA)の会報\n\n部品協会関西支部が発足した。\n", "PART_OF 部品協会関西支部 -> 部品協会 [owner-prefix]"},
	{relTitledPerson, "Report\n\nAnn Berger, Chair of the Anvil Group, spoke.", "MEMBER_OF Ann Berger -> Anvil Group [titled-person]"},
	{relPresenter, "Widget log\n\n  • 2021年2月19日(金)\n    Widget Meetup #1\n    <コーディネーター Coordinator>\n    部品協会 リーダー 山田 太郎\n  • 2021年2月5日(金)\n    Widget Meetup #2\n", "ATTENDED 山田 太郎 -> Widget Meetup #1 [presenter]"},
	{relPresenter, "Widget WG meeting, 3 May 2021\n\nBudget report by Ann Berger (Verilan).", "PRESENTED_AT Ann Berger -> Widget WG meeting [presenter]"},
	{relAffiliation, "Widget WG meeting, 3 May 2021\n\nBudget report by Ann Berger (Verilan).", "MEMBER_OF Ann Berger -> Verilan [affiliation]"},
	{relPresenter, "The Widget Standards Organization (WSO) hosted a meeting of its chairs on Friday, April 10, 2020.\nThe discussion was led by WSO Executive Director Lee Hammer.", "PRESENTED_AT Lee Hammer -> meeting of its chairs [presenter]"},
	{relEventOwner, "第5回部品戦略本部 議事録\n\n1.日 時:平成18年6月1日(木)\n\n部品戦略本部の会合。\n", "HELD 部品戦略本部 -> 第5回部品戦略本部 [event-named-after]"},
	{relEventOwner, "Widget log\n\nThe Widget Standards Alliance (WSA) grows.\n\n  • 2021年2月19日(金)\n    WSA Tokyo Summit 2021\n  • 2021年2月5日(金)\n    Widget Meetup #2\n", "HELD Widget Standards Alliance -> WSA Tokyo Summit 2021 [event-named-after]"},
	{relEventOwner, "Widget log\n\nThe Widget Standards Alliance (WSA) grows.\n\n  • 2021年2月19日(金)\n    WSA Gravity-WG call\n  • 2021年2月5日(金)\n    Widget Meetup #2\n", "HELD WSA Gravity-WG -> WSA Gravity-WG call [event-named-after]"},
	{relWorksIn, "Anvil log\n\n  • 2021年2月19日(金)\n    Anvil WG call\n    [Review of the Rocket Paper]\n\n    • Ada Wrench opened the call.\n    • Ada updated on 5.5 Routing\n  • 2021年2月5日(金)\n    Anvil WG call\n", "MEMBER_OF Ada Wrench -> Anvil WG [works-in-group]"},
	{relActionItem, "Anvil log\n\n  • 2021年2月19日(金)\n    Anvil WG call\n    [Review of the Rocket Paper]\n\n    • Ada Wrench opened the call.\n    • Ada updated on 5.5 Routing\n", "CONTRIBUTED_TO Ada Wrench -> Rocket Paper [action-item]"},
	{relActionItem, "Anvil WG call\n\nDate: 2020-03-03\n\n- Chairs, (Ada Wrench and Bob Sprocket), to address comments on the Anvil Safety (AS) document.\n", "CONTRIBUTED_TO Bob Sprocket -> Anvil Safety (AS) document [action-item]"},
	{relActionItem, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Ada Wrench, Bob Sprocket\n\n- Ada and Bob to update the Anvil Safety (AS) document.\n", "CONTRIBUTED_TO Ada Wrench -> Anvil Safety (AS) document [action-item]"},
	{relNotePresenter, "Anvil log\n\n  • 2021年2月19日(金)\n    Anvil WG call\n    [Review of the Rocket Paper]\n\n    • Ada Wrench opened the call.\n    • Ada presented chapters 1-4\n", "PRESENTED_AT Ada Wrench -> Anvil WG call [presenter-in-notes]"},
	{relSectionBy, "Anvil log\n\n  • 2021年2月19日(金)\n    Anvil WG call\n    [Review of the Rocket Paper]\n\n    • Worked example (from Ada Wrench and Bob Sprocket)\n", "CONTRIBUTED_TO Bob Sprocket -> Rocket Paper [section-by]"},
	{relDiscussed, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Ada Wrench\n\n1. Review of liaison/20-03-01\n", "DISCUSSED Anvil WG call -> liaison/20-03-01 [discussed-at-meeting]"},
	{relDiscussed, "Gadget log\n\n  • 2021年3月31日(水)06:30pm – 08:00pm(終了)\n    GADA東京支部 2021年3月例会オンラインセミナー\n\n    「部品のセキュリティ」https://www.example.org/talks/1\n", "DISCUSSED GADA東京支部 2021年3月例会オンラインセミナー -> 部品のセキュリティ [discussed-at-meeting]"},
	{relDiscussed, "部品ワーキンググループ 活動報告\n\n1. Anvil Working Group\n\n1-1. Anvil WG: Online Meeting (2 月)(終了)\n\n日時:2017 年 2 月 10 日(金)2:00am-3:00am(JST)\n\n司会:Ada Wrench\n\nAnvil Safety Guidance\n\n▪ ACTION ITEM: comment on the sections\n", "DISCUSSED Anvil WG Online Meeting (2 月) -> Anvil Safety Guidance [discussed-at-meeting]"},
	{relDiscussed, "Anvil log\n\n  • 2021年2月19日(金)\n    Anvil WG call\n\n[Update for Rocket Anvil Pattern (RAP)]\n\n  • The RAP document needs authors\n", "DISCUSSED Anvil WG call -> Rocket Anvil Pattern [discussed-at-meeting]"},
	{relLiaison, "[list] WSO-GIA Liaison: a note\n\nDear Lee,\n", "LIAISON_WITH WSO -> GIA [liaison]"},
	{relLiaison, "1. Request for approval of MoU between WSO and GIA\n", "LIAISON_WITH WSO -> GIA [liaison]"},
	{relMaintains, "The Acme Alliance (AA) publishes.\nAA maintains:\n· AA’s Gadget Safety Matrix (GSM)\n", "MAINTAINS Acme Alliance -> Gadget Safety Matrix [maintains]"},
	{relMaintains, "The Widget Standards Organization (WSO) met. Reservations were raised on the proposed WSO standard (RFC): Widget Exchange Format (WXF).", "MAINTAINS Widget Standards Organization -> Widget Exchange Format [maintains]"},
	{relMapsTo, "· The Gadget Safety Matrix (GSM), which maps to standards such as: ISO-9999, Desert 7", "MAPS_TO Gadget Safety Matrix -> ISO-9999 [maps-to]"},
	{relLiaisonTable, "SOURCE: https://www.gada.org/liaisons\n\nGADA keeps liaisons with many bodies. GADA reviews them yearly.\n\nOrganization GADA Activities GADA contact Liaison contact\nGearworks Standards Board (GSB) Widgets Ada Wrench Bob Sprocket\nSVG: Cyd Gear\n", "LIAISON_WITH GADA -> Gearworks Standards Board [liaison-table]"},
	{relParticipates, "MARS Research Projects\n\nThe ACME MARS research team is involved in 1 publicly funded project.\n\nSkyhook Project\n\nThe project builds a cable to orbit, with many partners and a long plan of work.\n", "PARTICIPATES_IN ACME MARS research team -> Skyhook [participates]"},
	{relParticipates, "MARS Research Projects\n\nThe ACME MARS research team is involved in 2 publicly funded projects.\n\nSkyhook Project\n\nThe project builds a cable to orbit, with many partners and a long plan of work.\n\nORBITA framework will bring launch firms and their insurers to work together on safer flights.\n", "PARTICIPATES_IN ACME MARS research team -> ORBITA [participates]"},
	{relSubgroup, "ロケットWGは、ACMEの部会です。落下試験、着陸実験、Bounce SWG を、ロケットWG のサブワーキンググループとして位置付けています。", "SUBGROUP_OF Bounce SWG -> ロケットWG [subgroup-of]"},
	{relCollaborates, "Rocket WG\n\n本WGは、ACME本部のGravity WGおよびLaunch WGと連携して活動しています。", "COLLABORATES_WITH Rocket WG -> Gravity WG [collaborates-with]"},
	{relFunded, "Research Projects\n\nSkyhook Project\n\nThe Skyhook project, a two-year, US $1.5 million project funded by the Ministry of Tall Things. Led by the University of Heights, it began in June 2018.\n", "FUNDED_BY Skyhook -> Ministry of Tall Things [funded-by]"},
	{relLed, "Research Projects\n\nSkyhook Project\n\nThe Skyhook project, a two-year, US $1.5 million project funded by the Ministry of Tall Things. Led by the University of Heights, it began in June 2018.\n", "LED_BY Skyhook -> University of Heights [led-by]"},
	{relHosted, "The Widget Standards Organization (WSO) hosted an in-person meeting with its chairs on Friday, April 10, 2020.", "HELD Widget Standards Organization -> in-person meeting with its chairs [hosted]"},
	{relRoleField, "部品作業部会 委員名簿\n\n主査  山田 太郎  歯車大学 教授\n委員  佐藤 花子  部品株式会社 代表取締役\n", "MEMBER_OF 佐藤 花子 -> 部品作業部会 [role-field]"},
	{relPublished, "Initiative Details Date Opened\n\nAnvil Safety Working Group Charter\n\nMarch 03, 2019 Contribute now\n\nAnvil Safety Working Group\n\nIt studies anvils and the way they fall on people.\n", "PUBLISHED Anvil Safety Working Group -> Anvil Safety Working Group Charter [published-by]"},
}

func TestRelationRules(t *testing.T) {
	for _, tt := range relationRuleTests {
		t.Run(tt.rule, func(t *testing.T) {
			got := factsOf(t, tt.in)
			if !slices.Contains(got, tt.want) {
				t.Errorf("want %q among\n%s", tt.want, strings.Join(got, "\n"))
			}
		})
	}
}

// TestRecogniserRules has one line per recogniser: a small text, and an
// entity it must find there.
var recogniserRuleTests = []struct {
	rule, in, want string
}{
	{ruleAcronymDef, "The Widget Standards Organization (WSO) met.", "Organization: Widget Standards Organization"},
	{ruleOrgSuffix, "Funded by the University of Heights and Gear Works Inc. alike.", "Organization: University of Heights"},
	{ruleOrgSuffix, "部品株式会社代表取締役が出席した。", "Organization: 部品株式会社"},
	{ruleOrgSuffix, "部品町推進協議会会議の公開について", "Organization: 部品町推進協議会"},
	{ruleDocAgenda, "日時:2018年12月17日(月)10:00-11:53\n参加者:(敬称略、順不同)\nGEARNIC 鈴木一郎\n資料:\n参考1. 部品報告会を企画するための会合(アジェンダ)\n参考2. 部品アジェンダ\nアジェンダ:\n1. roll call\n", "Document: 部品アジェンダ"},
	{ruleGroupSuffix, "QUESTIONS : 11/1 of Gadget Study Group 1 and 11/2 of Gadget Study Group 2", "WorkingGroup: Gadget Study Group 2"},
	{ruleGroupSuffix, "Work is done on GEAR and COG. The Regional Gadget Co-ordinating Committee has a paper.", "WorkingGroup: Regional Gadget Co-ordinating Committee"},
	{ruleGroupNumber, "ISO/IEC JTC1/SGXY discussed it.", "WorkingGroup: ISO/IEC JTC1/SGXY"},
	{ruleGroupSuffix, "TAG Gadget and Gear Meetings are open to all.", "WorkingGroup: TAG Gadget and Gear"},
	{ruleDocNumber, "The statement was given number SGXY/N733.", "Document: SGXY/N733"},
	{ruleOrgSuffix, "部品庁、歯車省等関係省庁を対象に提言する。", "Organization: 歯車省"},
	{rulePersonProse, "The board thanked Mr Bigi for his work.", "Person: Bigi"},
	{ruleOrgSuffix, "Talks with Dr. Wrench/Gadget University turned up a draft.", "Organization: Gadget University"},
	{rulePersonProse, "It had five members: Germany, Switzerland (Ada Wrench), UK (Bob Sprocket and Cyd Gear) and USA.", "Person: Cyd Gear"},
	{rulePersonProse, "Q1/9 Rapporteur - Ms. Ada Jane Wrench (CERT, Tunisia)", "Person: Ada Jane Wrench"},
	{rulePersonMail, "From: WSO list\n[] On Behalf Of Ada J. Wrench\nSent: Wednesday, September 06, 2006\n", "Person: Ada J. Wrench"},
	{ruleOrgSuffix, "Bob Sprocket (Cog Technologies) / Security Area", "Organization: Cog Technologies"},
	{ruleOrgSuffix, "Meeting Narrative Minutes Gadget Engineering Consortium (gec) GETF\n", "Organization: Gadget Engineering Consortium"},
	{ruleOrgSuffix, "The group will help the Gadget Robot Club and the Open Gear Coalition.", "Organization: Open Gear Coalition"},
	{ruleOrgSuffix, "GADAジャパンに部品ワーキンググループを設立しました。", "Organization: GADAジャパン"},
	{ruleOrgSuffix, "山田 太郎 委員\n\n(GEAR 株式会社技術フェロー)\n", "Organization: GEAR 株式会社"},
	{ruleOrgSuffix, "佐藤 花子 委員 部品工業株式会社企画部長 山田 太郎 委員 部品省補佐官\n", "Organization: 部品工業株式会社"},
	{ruleOrgSeries, "Gadget log\n\n  • 2021年2月19日(金)\n    Gadget Daily Crypto Summit\n  • 2021年3月5日(金)\n    Gadget Daily Security Summit 2021\n", "Organization: Gadget Daily"},
	{ruleOrgJoined, "GearWorks! Membership Application\n\nThis is the application for Institutional Membership in GearWorks!\n", "Organization: GearWorks!"},
	{ruleOrgSuffix, "部品委員会(第2回) 議事録\n\n第2回歯車推進機構分科会を開催します。\n", "Organization: 歯車推進機構"},
	{ruleOrgOwner, "The WSO Rocket Working Group met.", "Organization: WSO"},
	{ruleOrgDomain, "The WSO met.\n\nFrom: pat.tinker at wso.example\n", "Person: Pat Tinker"},
	{ruleGroupSuffix, "The Rocket Propulsion Working Group met.", "WorkingGroup: Rocket Propulsion Working Group"},
	{ruleGroupSuffix, "部品安全作業部会の会合", "WorkingGroup: 部品安全作業部会"},
	{ruleGroupSuffix, "The Gadget Guild Organization (GGO) met.\n\n国内でGGO部品対応小委員会を設置した。", "WorkingGroup: GGO部品対応小委員会"},
	{ruleKindHeading, "Gadget Guild\n\nWorking Group\n\nRocket Propulsion\n\nThe group builds rockets.\n", "WorkingGroup: Rocket Propulsion"},
	{ruleTitleGroup, "部品と歯車 研究会(第2回)‐議事要旨\n\n日時:平成23年7月1日(金曜日)16時~17時30分\n", "WorkingGroup: 部品と歯車 研究会"},
	{ruleGroupNumber, "Meeting Report of GGC AB1 LI#29\n22-24 April 2008\n\nChairman:   Ada Wrench   Gear Works Inc.\n", "WorkingGroup: GGC AB1 LI"},
	{ruleOrgOwner, "Meeting Report of GGC AB1 LI#29\n22-24 April 2008\n\nChairman:   Ada Wrench   Gear Works Inc.\n", "Organization: GGC"},
	{ruleGroupNumber, "Transferred to JTC 9/WG 42 in May.", "WorkingGroup: JTC 9/WG 42"},
	{ruleGroupNumber, "Reports from GZO/TC 215 came in.", "WorkingGroup: GZO/TC 215"},
	{ruleGroupNumber, "One project is in GZO PC317.", "WorkingGroup: GZO PC317"}, // a project committee
	{ruleOrgRepresented, "Gadget report\n\nThe committee includes representatives from Cogworks, Sprocket Labs, The Gear Library and Wirefast.\n", "Organization: The Gear Library"},
	{ruleGroupDashed, "Gadget news\n\nGear wiring working group – WG 1\n\nWG 1 wires gears.\n", "WorkingGroup: Gear wiring working group"},
	{ruleStdNumber, "It maps to ISO/IEC TS 99999 and NIST SP800-99.", "Standard: ISO/IEC TS 99999"},
	{ruleStdSuffix, "The Gadget Exchange Specification was approved.", "Standard: Gadget Exchange Specification"},
	{ruleDocTitle, "The Anvil Safety Whitepaper is out.", "Document: Anvil Safety Whitepaper"},
	{ruleDocTitle, "We discussed the “Falling With Style” paper.", "Document: Falling With Style"},
	{ruleDocTitle, "事務局より資料を確認する。資料2がカラー刷りのもので「部品の年度実績」です。", "Document: 部品の年度実績"},
	{ruleDocTitle, "部品協会 例会\n\n「部品と歯車のセキュリティ」https://www.example.org/talks/1\n", "Document: 部品と歯車のセキュリティ"},
	{ruleDocTitle, "部品省のDX(デジタル変革)レポートは課題を警告している。", "Document: DX(デジタル変革)レポート"},
	{ruleDocTitle, "続いて、事務局より中間とりまとめ(案)についての説明が行われた。", "Document: 中間とりまとめ(案)"},
	{ruleDocNumber, "See liaison/20-03-01 for the notes.", "Document: liaison/20-03-01"},
	{ruleDocTitle, "Related work: the Cog Key Custody Guidelines v1.2 and more.", "Document: Cog Key Custody Guidelines v1.2"},
	{ruleDocNumber, "The convenor tabled SC 9 N 1234 for comment.", "Document: SC 9 N 1234"},
	{ruleDocTitle, "Incoming liaison\n\nLS on the progress of anvil safety work\n\nSource: WSO\n", "Document: LS on the progress of anvil safety work"},
	{ruleProjectName, "The SKYHOOK project builds a cable.", "Project: SKYHOOK"},
	{ruleDocNotes, "部品ワーキンググループ 活動報告\n\n1-1. Anvil WG: Online Meeting (2 月)(終了)\n\n日時:2017 年 2 月 10 日(金)2:00am-3:00am(JST)\n\nUpdate Top Threats to Anvils\n\n▪ ACTION ITEM: list the threats\n", "Document: Top Threats to Anvils"},
	{ruleOrgEventSite, "Gadget log\n\n  • 2020年12月10日(木)(終了)\n    【オンライン】Gearmedia Security Week 2020\n    https://www.gearmedia.co.jp/week/2020/\n", "Organization: Gearmedia"},
	{ruleProjectBlurb, "Research Projects\n\nSKYHOOK will develop a cable to orbit with many partners, and test it on the way up and down.\n", "Project: SKYHOOK"},
	{ruleTopicList, "The Alliance works across domains of engineering: Rocket Science, Anvils, and Portable Holes.", "Topic: Rocket Science"},
	{rulePersonSlot, "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Bob Sprocket, Cyd Gear\n", "Person: Bob Sprocket"},
	{rulePersonRole, "Anvil WG call\n\nModerator: Ada Wrench\n", "Person: Ada Wrench"},
	{rulePersonProse, "Sam Anvil, director of outreach for the Widget Standards Organization, spoke.", "Person: Sam Anvil"},
	{rulePersonMail, "Liaison statement\n\nAction Holder Contacts Pat Tinker <Pat.Tinker@wso.example>\n", "Person: Pat Tinker"},
	{rulePersonMail, "Pat Tinker tinker at wso.example\nMon Jun 1 10:00:00 UTC 2020\n", "Person: Pat Tinker"},
	{rulePersonAction, "Anvil WG call\n\nDate: 2020-03-03\n\n- Ada Wrench and Bob Sprocket to update the roadmap.\n", "Person: Ada Wrench"},
	{ruleEventDated, "Rocket WG\n\n  • 2021年3月5日(金)01:00am – 02:00am(終了)\n    Acme Rocket-WGグローバルミーティング\n", "Event: Acme Rocket-WGグローバルミーティング"},
	{ruleEventDated, "Gadget Board Minutes\n\nDate: 21 July 2000\n\nFace-to-Face Meetings\n\nBoard Meeting\n15-16 August - Montreal\n", "Event: Board Meeting"},
	{ruleEventDated, "Gadget Subcommittee Agenda\n\nGADA Technical Meeting\n\n2023-06-18 to 2023-06-23\n\nWed 2023-06-21\n17:00-18:00 Gadget GSC\n\n1. Notes review\n", "Event: Gadget GSC"},
	{ruleEventProse, "The board agreed at the 25 Sep 2018 kickoff meeting in Springfield to meet again.", "Event: kickoff meeting"},
	{ruleCardHeading, "Our groups\n\nGizmo Platform\n\nChair: Ada Wrench\n\nDescription: This group builds gizmos.\n", "WorkingGroup: Gizmo Platform"},
	{ruleEventTitle, "Anvil WG Meeting Minutes 2020-03-03\n\nPresent: Bob Sprocket\n", "Event: Anvil WG Meeting"},
	{ruleEventTitle, "Anvil Working Group Teleconference\nMinutes of 3 March 2020\n\nPresent: Bob Sprocket\n", "Event: Anvil Working Group Teleconference"},
	{ruleStdSuffix, "Ada Wrench presented the draft Anvil Conformance Criteria v2.1 today.", "Standard: Anvil Conformance Criteria v2.1"},
	{ruleEventTitle, "Recap: Gear Summit 2024\n\nPosted on May 2, 2024 by Ada Wrench\n\nEngineers met on April 23, 2024 for the Gear Summit.\n", "Event: Gear Summit 2024"},
	{ruleEventProse, "Dear all,\n\nFollowing the joint meeting of the Anvil Working Group on 5 March 2019 in Springfield, we agreed to merge.\n", "Event: joint meeting of the Anvil Working Group"},
	{ruleGroupSuffix, "We met the Gear Task Force on 5 March 2019 in Springfield.", "WorkingGroup: Gear Task Force"},
	{ruleEventTitle, "Minutes: Gizmo Rocket CG Telecon 13 May 2026\n\nPresent: Bob Sprocket, Ada Wrench\n", "Event: Gizmo Rocket CG Telecon"},
	{ruleGroupSuffix, "The Gizmo Rocket CG meets weekly.", "WorkingGroup: Gizmo Rocket CG"},
	{ruleDocNumber, "Anvil WG call\n\nDate: 2020-03-03\n\nResolved to merge gizmo/rockets#151.\n", "Document: gizmo/rockets#151"},
	{ruleEventTitle, "Minutes of the Widget Working Group meeting, 3 May 2021\n\nBudget report by Ann Berger.\n", "Event: Widget Working Group meeting"},
	{ruleEventTitle, "Minutes anvil-09 2024-03-05\nanvil-minutes-2024-09-00\n\nState (None)\nOther versions plain text\nLast updated 2024-04-01\nSomething else\nOne more line\nAnd another\nAnd the last one\n\nNarrative minutes for the 2024-03-05 Anvil Teleconference\n\nPresent: Bob Sprocket\n", "Event: 2024-03-05 Anvil Teleconference"},
	{ruleOrgSuffix, "部品評価会議(第2回)議事概要\n\n議事次第:\n  1. 部品戦略会議・部品戦略本部の設置について\n", "Organization: 部品戦略会議"},
	{ruleOrgSlot, "部品評価会議(第2回)議事概要\n\n1 日時:平成12年11月21日(火)13時〜15時\n\n3 出席者:\n\n山田太郎議長\n(政府側)\n内閣部品室、歯車担当室、部品庁\n", "Organization: 歯車担当室"},
	{ruleDocTitle, "Please review the GADA-WIDG Work Register soon.", "Document: GADA-WIDG Work Register"},
	{ruleStdSuffix, "Classes in the GZM schema are mapped.", "Standard: GZM"},
	{ruleDocTitle, "Gadget papers\n\n1.\tGZ Report No.1: Report on Anvils Completed;\n2.\tGZ Report No.2: Overview Report on the Wires;\n", "Document: GZ Report No.2"},
	{ruleAcronymDef, "Gadget Register\n\nThe Distributed Gadget Task Force (DGTF) runs the DGTF Wire Working Group and the DGTF CGWG.\n", "Organization: Distributed Gadget Task Force"},
	{ruleAcronymDef, "The campaign is run by GZWG (Gadget Zone Working Group) and WSA (Widget Safety Alliance).", "Organization: Widget Safety Alliance"},
	{ruleEventTitle, "Gizmo Plenary Session, 16-21 July 2006, Springfield\n\nPresent: Ada Wrench (Chair), Bob Sprocket\n", "Event: Gizmo Plenary Session"},
	{ruleGroupSuffix, "WIDGET ENGINEERING STEERING GROUP (WESG)\n\nThe Widget Engineering Steering Group met.\n", "WorkingGroup: Widget Engineering Steering Group"},
}

func TestRecogniserRules(t *testing.T) {
	for _, tt := range recogniserRuleTests {
		t.Run(tt.rule, func(t *testing.T) {
			got := namesOf(t, tt.in)
			if !slices.Contains(got, tt.want) {
				t.Errorf("want %q among\n%s", tt.want, strings.Join(got, "\n"))
			}
		})
	}
}

// The shapes of factsOf's and namesOf's lines, so that a check for what
// must not be found is written in the shape it would be found in.
var (
	reFactLine = regexp.MustCompile(`^[A-Z_]+ .+ -> .+ \[[a-z-]+\]$`)
	reNameLine = regexp.MustCompile(`^[A-Z][A-Za-z]+: .+$`)
)

// TestNotFacts lists what the rules must not make of a text: absent people
// did not attend, a blank form names nobody, a kind of body is no body.
func TestNotFacts(t *testing.T) {
	tests := []struct {
		name, in, notWant string
	}{
		{"absent in a roster table", "Anvil WG\nMeeting notes, 2024-02-15\n\n| Name | Affiliation | Present |\n| --- | --- | --- |\n| Ada Wrench | Cog Works | yes |\n| Bob Sprocket | Gear Inc. | no |\n", "ATTENDED Bob Sprocket -> Anvil WG meeting [roster-attended]"},
		{"attendees after a blank line", "Anvil WG call\n\nDate: 2020-03-03\n\nAttendees: Bob Sprocket\n\nCyd Gear\n", "ATTENDED Cyd Gear -> Anvil WG call [roster-attended]"},
		{"a roster on another sheet", "第5回部品戦略本部 議事録\n\n1.日 時:平成18年6月1日(木)\n\n2.出席者:[別紙]\n\n3.会議の模様\n\n(1)開会\n", "ATTENDED 開会 -> 第5回部品戦略本部 [roster-attended]"},
		{"the roster's next section", "第5回部品戦略本部 議事録\n\n1.日 時:平成18年6月1日(木)\n\n2.出席者:山田委員\n\n3.会議の模様\n", "ATTENDED 会議の模様 -> 第5回部品戦略本部 [roster-attended]"},
		{"a standard's chair is no group's", "Gizmo Standards Committee\n\nActive Standards\n\nIEEE Std. 9999-2020 Guide for Gizmo Profiles\n\nChair: Ada Wrench\n", "MEMBER_OF Ada Wrench -> Gizmo Standards Committee [role-field]"},
		{"regrets", "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Bob Sprocket\nRegrets: Eve Lever\n", "ATTENDED Eve Lever -> Anvil WG call [roster-attended]"},
		{"apologies in a sentence", "Anvil WG call\n\nDate: 2020-03-03\n\nApologies were received from Eve Lever and Cyd Gear.\n", "ATTENDED Cyd Gear -> Anvil WG call [action-item]"},
		{"欠席", "部品作業部会(第1回)\n\n日時:令和2年3月4日(水)\n\n出席者\n- 山田太郎(部品株式会社取締役)※欠席\n", "ATTENDED 山田太郎 -> 部品作業部会(第1回) [roster-attended]"},
		{"the absent line", jaTownRecord, "ATTENDED 木村 四郎 -> 部品町推進協議会 会議 [roster-attended]"},
		{"the member a proxy stood in for", jaTownRecord, "ATTENDED 田中次郎 -> 部品町推進協議会 会議 [roster-attended]"},
		{"the secretariat is no member", jaTownRecord, "MEMBER_OF 小林 -> 部品町推進協議会 [roster-role]"},
		{"the group's leader heard the talk", jaNews, "PRESENTED_AT 山田太郎 -> 歯車ワーキング・グループ会合 [presenter]"},
		{"an imperative is no first name", "# Anvil WG call (2020-03-03)\n\n## Attendees:\n\n* Bob Sprocket\n* Cyd Gear\n\n## Notes\n\n1. Meeting norms: Be here. Trust the process. Listen to understand. Step back and step in.\n2. Cyd to send the notes.\n", "ATTENDED Listen -> Anvil WG call (2020-03-03) [person-reference]"},
		{"a sentence with commas is no roster", "Gadget WG Chair Meeting Summary\n\n6 November 2014\n\nChair: Ada Wrench\n\nCyd Gear, Dee Cog, Eve Lever, the food, the rooms, and the lights were noted.\n\nApologies: Ivy Axle\n", "ATTENDED Cyd Gear -> Gadget WG Chair Meeting [bare-roster]"},
		{"a country is no body", "Gadget Study Group 9 meeting\n\n22 – 30 March 2017, Geneva\n\n  • WP1 (Q2/9):\n                Chairman: Mr. Ada WRENCH (KDDI, Japan)\n", "MEMBER_OF Ada Wrench -> Japan [affiliation]"},
		{"a post is no person", "Meeting of the GADA Council - 18 May 2023\n\nAttendees:\n\n  • Ada Wrench, Chair (AW)\n\nGADA Staff:\n\n  • Eve Anvil, Chief Customer Officer\n", "ATTENDED Chief Customer Officer -> GADA Council [roster-attended]"},
		{"no staff list, no members by attendance", "Meeting of the GADA Council - 18 May 2023\n\nAttendees:\n\n  • Ada Wrench\n  • Bob Sprocket\n", "MEMBER_OF Bob Sprocket -> GADA Council [attendees-set-apart]"},
		{"a name's given part is no body's word", jaSpacedRoster, "MEMBER_OF 山田 太郎 -> 太郎 部品大学 [affiliation]"},
		{"a heading after a list", "TAG Gadget\n\nLeadership\nTOC Liaisons\n- Cyd Gear (@cyd)\nMeetings\nCommunication Channels\n", "MEMBER_OF Communication Channels -> TOC [roster-body]"},
		{"a dated heading is the page's meeting, once", "Gadget Forum\n\n2018-07-12 Gear Working Group Minutes\n\nAttendees: Ada Wrench (Cogs), Bob Sprocket (Gears).\n", "HELD Gear Working Group -> Gear Working Group Minutes [event-dated-entry]"},
		{"a dated sentence is no event", "Gadget Statement\n\n2001-05-09\nThis statement is in support of a liaison between the Gear WG and Cog Forum.\n", "HELD Gear WG -> This statement is in support of a liaison between the Gear WG and Cog Forum [event-dated-entry]"},
		{"the page's meeting, dated again", "Gadget Communities\n\nGear TAC kickoff meeting minutes\n\nJun 18, 2025 | Gear TAC kickoff\n\nAttendees: Ada Wrench, Bob Sprocket\n", "HELD Gear TAC -> Gear TAC kickoff [event-dated-entry]"},
		{"a roster's first entry names no kind", jaHonorificRoster, "MEMBER_OF 林一司 -> 部品諮問委員会 [roster-role]"},
		{"an absent member in columns", jaColumnMinutes, "ATTENDED 田中一郎 -> 部品対策特別委員会 第三号 [roster-attended]"},
		{"an official who explains is no member", jaColumnMinutes, "MEMBER_OF 川口健二 -> 部品対策特別委員会 [roster-role]"},
		{"a proxy is no attendance", jaFlatRoster, "ATTENDED 田中 花子 -> 部品協会 第5回 部品運営委員会 [roster-attended]"},
		{"an official is no member", jaCouncil, "MEMBER_OF 小林 五郎 -> 部品審議会 [roster-role]"},
		{"a section after a roster", jaCouncil, "ATTENDED 開会 -> 部品審議会(第3回) [roster-attended]"},
		{"staff are no members", "Anvil WG call\n\nDate: 2020-03-03\n\nPresent: Bob Sprocket\nStaff: Cyd Gear\n", "MEMBER_OF Cyd Gear -> Anvil WG [role-field]"},
		{"a pair without a role", "Review of subgroups\n\nThe subgroups that need to respond are:\n - Widget TAG - Ada Wrench\n - Gadget Standing Committee - Bob Sprocket\n", "MEMBER_OF Ada Wrench -> Widget TAG [group-person-item]"},
		{"a group about a body", "部品委員会(第2回) 議事録\n\n第2回歯車推進機構分科会を開催します。\n", "PART_OF 分科会 -> 歯車推進機構 [owner-prefix]"},
		{"absent group", "部品作業部会(第1回)\n\n日時:令和2年3月4日(水)\n\n出席者\n山田主査、(欠席:佐藤委員)\n", "ATTENDED 佐藤 -> 部品作業部会(第1回) [roster-attended]"},
		{"a resignation is no attendance", "部品技術委員会 歯車作業部会(第13回) 議事録\n\n1.日時\n\n平成29年6月19日(水曜日)10時00分~11時30分\n\n4.議事録\n\n(上坂主査) それでは、ただ今から第13回歯車作業部会を開催いたします。\n 礒章子委員が一身上の都合により6月13日付けで辞任されましたのでご報告させていただきます。\n(道川補佐) 本日は小松崎委員、中島委員、尾野委員が欠席です。\n", "ATTENDED 礒章子 -> 歯車作業部会(第13回) [person-reference]"},
		{"a resignation is reported by the chair", "部品技術委員会 歯車作業部会(第13回) 議事録\n\n1.日時\n\n平成29年6月19日(水曜日)10時00分~11時30分\n\n4.議事録\n\n(上坂主査) それでは、ただ今から第13回歯車作業部会を開催いたします。\n 礒章子委員が一身上の都合により6月13日付けで辞任されましたのでご報告させていただきます。\n(道川補佐) 本日は小松崎委員、中島委員、尾野委員が欠席です。\n", "PRESENTED_AT 礒章子 -> 歯車作業部会(第13回) [presenter]"},
		{"the absent", "部品技術委員会 歯車作業部会(第13回) 議事録\n\n1.日時\n\n平成29年6月19日(水曜日)10時00分~11時30分\n\n4.議事録\n\n(上坂主査) それでは、ただ今から第13回歯車作業部会を開催いたします。\n 礒章子委員が一身上の都合により6月13日付けで辞任されましたのでご報告させていただきます。\n(道川補佐) 本日は小松崎委員、中島委員、尾野委員が欠席です。\n", "ATTENDED 尾野 -> 歯車作業部会(第13回) [person-reference]"},
		{"absent after a dash", "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "ATTENDED Cyd Gear -> Gadget Council Teleconference [roster-attended]"},
		{"a term is no affiliation", "Gadget structure\n\nJTC 9/SC 7 Chairman: GADA, Germany, Ada Wrench (1st three-year term, January 2019 - January 2022)\nJTC 9/SC 7 Vice-chair: WIDG, United States, Bob Sprocket\n", "MEMBER_OF Ada Wrench -> January 2019 - January 2022 [affiliation]"},
		{"a member sending a proxy", "部品地域情報化協議会 議事録\n\n日時:平成16年8月30日(月)14時~16時\n\n出席者:\n委員\n山田太郎(部品町商工会長)、佐藤花子(部品町観光協会長)代理出席 鈴木一郎\n欠席者:田中三郎(部品町区長会長)\n事務局:企画課長 伊藤、企画課 渡辺主査\n", "ATTENDED 佐藤花子 -> 部品地域情報化協議会 [roster-attended]"},
		{"an item of the entry before", "Anvil log\n\n  • 2021年2月19日(金)\n    Anvil WG call\n    • Comments due before next meeting\n  • 2021年2月5日(金)\n    Anvil WG call\n", "HELD Anvil WG -> Comments due before next meeting [page-group-held]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reFactLine.MatchString(tt.notWant) {
				t.Fatalf("%q is not a fact line: the check could never fail", tt.notWant)
			}
			if got := factsOf(t, tt.in); slices.Contains(got, tt.notWant) {
				t.Errorf("did not want %q", tt.notWant)
			}
		})
	}
	for _, tt := range []struct{ name, in, notWant string }{
		{"a member team is no group", "部品 WG は、加盟チームと加盟を希望するチームとの交流の場です。", "WorkingGroup: 加盟チーム"},
		{"indefinite", "Ask a Technical Committee (TC) first.", "WorkingGroup: Technical Committee"},
		{"a post after SIG", "SIG Chairs met.\n", "WorkingGroup: SIG Chairs"},
		{"a category", "Gadget Report\n\nWe applied for liaison (Liaison Category C) with WG4, and Category C was granted.\n", "Person: Category C"},
		{"a title's head word", "Gear Summit notes\n\nWe heard from Ada Wrench, Senior Policy Analyst at the Gear Data Office.\n", "Document: Senior Policy"},
		{"a standard's chair", "Gizmo Standards Committee\n\nActive Standards\n\nIEEE Std. 9999-2020 Guide for Gizmo Profiles\n\nChair: Ada Wrench\n", "Standard: Active Standards"},
		{"a body's acronym in TF", "The Rocket WG of the IRTF met.", "WorkingGroup: IRTF"},
		{"a template's blank", "Public Comment Notice\n\nDocument: (FULL DOCUMENT TITLE)\n", "Document: (FULL DOCUMENT TITLE)"},
		{"blank form", "Application Form\n\nApplication submitted by:________\nName of Supporting Organisation:________\n", "Organization: Supporting Organisation"},
		{"menu", "User Tools\n\nSite Tools\n\nJoinLearn more\n", "Organization: User Tools"},
		{"sentence opener", "Anvil WG call\n\nDate: 2020-03-03\n\n- Reviewed Patterns – done\n", "Person: Reviewed Patterns"},
		{"a numbered group's title", "Groups\n\nAG 15 Standards & Regulations\nAG 1 Gadget Planning\n", "Standard: AG 15 Standards"},
		{"a place before events", "Gadget log\n\n  • 2021年2月19日(金)\n    Tokyo Crypto Summit\n  • 2021年3月5日(金)\n    Tokyo Security Summit 2021\n", "Organization: Tokyo"},
		{"each member", "部品部会(第6回) 議事録\n\n日時:平成17年5月17日(火)14:00~16:00\n\n出席者:(委員(五十音順))\n\n梅津委員、各委員\n\n議題\n", "Person: 各"},
		{"a membership a form offers", "Application Form\n\nRequested Membership:\nFull Member (120€)(see page 2)\nSupporting Organisation (see page 2)\n", "Organization: Supporting Organisation"},
		{"a document's part", "Gadget Council report\n\nPART I. General Assembly a. Meetings held.\n", "WorkingGroup: PART I. General Assembly"},
		{"a kind of membership", "This is the application for Institutional Membership in GearWorks!\n", "Organization: Institutional Membership"},
		{"place", "部品作業部会(第1回)\n\n場所:オンライン会議\n", "Organization: オンライン会議"},
		{"menu category", "部品省\n\n審議会・研究会\n\n部品委員会(第2回) 議事録\n", "WorkingGroup: 審議会・研究会"},
		{"group named by when", "部品委員会(第2回) 議事録\n\n平成15年9月29日(月)\n\n前回分科会では本日の分科会の議題を決めた。\n", "WorkingGroup: 前回分科会"},
		{"an election of a chair", "Gadget Subcommittee Agenda\n\n1. Notes review\n\n2. Chair Election\n\n3. Liaisons\n", "Person: Election"},
		{"a roster line's roles", "Gadget WG call\n\nDate: 2020-03-03\n\nATTENDEES\n---------\nAda Wrench (Gear Works Inc.) / GADA Chair, General Area\nBob Sprocket (Cog Technologies) / Security Area\n", "Person: General Area"},
		{"every ministry", "部品評価会議(第2回)議事概要\n\n議事次第:\n  1. 各省庁における部品の策定について\n", "Organization: 各省庁"},
		{"a status is no standard", "Gadget Working Group (GWG)\n\nThe GADA Gadget Working Group writes specifications.\n\nSpecifications\n\nGSP0101 1.0.0 Gadget Wire Specification 14 Dec 2012\n\n.pdf file. GADA Standard\n\nGSP2002 2.0.0 Gadget Primer 4 Aug 2016\n\n.pdf file. GADA Informational\n", "Standard: GADA Standard"},
		{"a group's own acronym before it", "GWG Gadget Working Group (GWG)\n\nWe write papers.\n", "Organization: GWG"},
		{"a numbered group's title is its name", "Gadget groups\n\nWG 14 Quantum Gadget Technology\nWG 15 Vocabulary\n", "Organization: WG 14 Quantum Gadget Technology"},
		{"a numbered group's title has no company", "Gadget groups\n\nAG 14 Systems Integration Facilitation(SIF)\nWG 15 Vocabulary\n", "Organization: AG 14 Systems"},
		{"a post is no standard", "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "Standard: Senior Policy Director"},
		{"a name before a dash", "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "WorkingGroup: Dot Lever - Nominating Committee"},
		{"a post is no second name", "Gadget Council Teleconference Minutes\n\nDate\n16 October 2008\n\nList of attendees:\nAda Wrench - Widget Users C\nBob Sprocket - GZPC\nCyd Gear- Registrars - absent, apologies\nDot Lever - Nominating Committee appointee\n\nGADA Staff\n\nEve Anvil - Vice President, Policy Development\nFay Bolt - Senior Policy Director\n", "Person: Senior Policy Director"},
		{"a paper's subtitle is its other name", "Gadget papers\n\n1.\tGZ Report No.1: Report on Anvils Completed;\n2.\tGZ Report No.2: Overview Report on the Wires;\n", "Document: Report on Anvils Completed"},
		{"a country is no one", "Gadget structure\n\nJTC 9/SC 7 Chairman: GADA, Germany, Ada Wrench (1st three-year term, January 2019 - January 2022)\nJTC 9/SC 7 Vice-chair: WIDG, United States, Bob Sprocket\n", "Person: United States"},
		{"the next section is no handout", "GZA第12回代表会議(令和4年9月度)議事録\n\n1.日 時:令和4年9月7日(水)13:00~14:15\n\n4.配布資料\n4-1.GZA第3期9月度(第12回)代表会議議事資料\n4-2.部品省資料「歯車の未来に向けて」\n\n5.議題と議事\n5-1.部品省担当者ブリーフィング\n", "Document: 議題と議事"},
		{"a kind defined short first", "These were AG (Advisory Group) and SWG (Special Working Group) then.", "WorkingGroup: Advisory Group"},
		{"a meeting's place is no event", "部品通信審議会 総会(第12回)議事録\n\n第1 開催日時及び場所\n平成30年3月22日(木) 15時00分~16時00分 於、部品省第1特別会議室\n\n第2 出席した委員(敬称略)\n山田太郎(会長)、佐藤花子(会長代理)、鈴木一郎、高橋次郎\n(以上4名)\n\n第3 出席した関係職員\n部品省\n伊藤四郎(部品大臣)\n\n第4 議題\n(1) 歯車の在り方について\n", "Event: 於、部品省第1特別会議室"},
		{"a standard's title is no company", "Gadget report\n\nThe meeting for ISO/IEC DTS 23167 Common Technologies went well.\n", "Organization: ISO/IEC DTS 23167 Common Technologies"},
		{"a meeting's name ends at its verb", "Gadget news\n\nThe next meeting of the Gear Working Group is scheduled for October 2nd 2007.\n", "Event: meeting of the Gear Working Group is scheduled for October"},
		{"a post alone in its cell", jaColumnMinutes, "Person: 企画"},
		{"a date before a group's name", jaColumnMinutes, "WorkingGroup: 令和 3年 6月 部品対策特別委員会"},
		{"a numbered handout before a group's name", jaFlatRoster, "WorkingGroup: 確認 資料 2-1 企画部会"},
		{"a place field's room", "部品通信審議会 総会(第12回)議事録\n\n1 日時 平成30年3月22日(木)15時00分~16時00分\n\n2 場所 部品省 第1特別会議室\n\n3 出席者\n(1)委員(敬称略)\n内山 竹志(会長)、相田 仁(会長代理)、石戸 奈々子\n(2)部品省\n野田 聖子(部品大臣)、坂井 学(部品副大臣)\n\n4 議題\n(1)諮問事項\n", "Organization: 場所 部品省"},
		{"a title's act word", "Widget notes\n\nThe meeting was short.\n", "Person: Widget"},
		{"a page's date", "Widget minutes\n\nLast updated 2024-02-23\n", "Person: Last"},
		{"a company after a name", "Gear Groups\n\n- Anvil WG: builds anvils. Chair: Ada Wrench (Intel)\n", "Person: Intel"},
		{"groups the text points at", "部品協議会\n\n当協議会では、以下のワーキンググループが活動しています。\n", "WorkingGroup: 以下のワーキンググループ"},
		{"a kind of report", "部品委員会(第2回) 議事録\n\n委員会の中間報告書を確認した。\n", "Document: 中間報告書"},
		{"group word after a body", "部品委員会(第2回) 議事録\n\n第2回歯車推進機構分科会を開催します。\n", "WorkingGroup: 分科会"},
		{"a heading's kind of papers", "Anvil log\n\n  • 2021年2月19日(金)\n    Anvil WG call\n    [Discussion of Current Papers]\n\n    • the current papers are late\n", "Document: Current Papers"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !reNameLine.MatchString(tt.notWant) {
				t.Fatalf("%q is not a name line: the check could never fail", tt.notWant)
			}
			if got := namesOf(t, tt.in); slices.Contains(got, tt.notWant) {
				t.Errorf("did not want %q", tt.notWant)
			}
		})
	}
}

// TestEveryRuleIsTested keeps the tables above in step with rules.go: a
// rule with no line in them (or in the test named beside it) is a rule
// without a test.
func TestEveryRuleIsTested(t *testing.T) {
	tested := map[string]string{
		ruleNameScan: "TestMentions", ruleTopicInName: "TestGolden", ruleTitle: "TestGolden", ruleKnownName: "TestGolden",
		ruleOrgSite: "TestSiteAcronym", ruleOrgSlot: "TestRelationRules", ruleOrgBetween: "TestRelationRules",
		ruleGroupList: "TestRelationRules", ruleStdList: "TestRelationRules", ruleDocNotes: "TestGolden", rulePersonRef: "TestGolden",
	}
	for _, tt := range relationRuleTests {
		tested[tt.rule] = "TestRelationRules"
	}
	for _, tt := range recogniserRuleTests {
		tested[tt.rule] = "TestRecogniserRules"
	}
	for _, r := range ruleNames {
		if tested[r] == "" {
			t.Errorf("rule %q has no test", r)
		}
	}
}

func TestSectionMeetingName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1 部品会議第5回歯車調査会議事概要", "部品会議第5回歯車調査会"},
		{"Widget WG call", "Widget WG call"},
		{"Minutes of the Widget WG meeting", "Widget WG meeting"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := sectionMeetingName(tt.in); got != tt.want {
				t.Errorf("sectionMeetingName(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBracketSpeaker(t *testing.T) {
	tests := []struct{ in, surname, role string }{
		{"【松山委員】", "松山", "委員"},
		{"【嶋田情報処理振興課長】", "嶋田", "情報処理振興課長"},
		{"【山田分科会長代理】 それでは", "山田", "分科会長代理"},
		{"【佐藤内閣官房長官】", "佐藤", "内閣官房長官"},
		{"【事務局】", "", ""},
		{"松山委員", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if s, r := bracketSpeaker(tt.in); s != tt.surname || r != tt.role {
				t.Errorf("bracketSpeaker(%q) = %q, %q; want %q, %q", tt.in, s, r, tt.surname, tt.role)
			}
		})
	}
}

// TestPossessiveTitles: a paper's owner written with a possessive stays in
// a short title ("GADA’s Strategic Plan" is no one else's), not in a long one.
func TestPossessiveTitles(t *testing.T) {
	tests := []struct{ in, want string }{
		{"How does it serve a direction of GADA as set out in GADA’s Strategic Plan (cite it)?", "Document: GADA’s Strategic Plan"},
		{"GADA has published GADA's Guidance for Safe Gadgets in Small Homes as a paper.", "Document: Guidance for Safe Gadgets in Small Homes"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := namesOf(t, tt.in); !slices.Contains(got, tt.want) {
				t.Errorf("no %q in %v", tt.want, got)
			}
		})
	}
}

// TestCapitalSectionEndsTheMeeting: a section in capitals after a
// schedule of meetings belongs to the minutes, not to the last meeting
// scheduled.
func TestCapitalSectionEndsTheMeeting(t *testing.T) {
	g, err := Parse(Text{Name: "t.txt", Data: []byte("Gadget Board Minutes\n\nDate: 21 July 2000\n\nStrategy Session\n15-16 August - Montreal\n\nGEAR RECOMMENDATION\n\nAda Wrench moved that the board adopt the Gear Recommendation paper.\n")})
	if err != nil {
		t.Fatal(err)
	}
	scheduled := ""
	for _, n := range g.Nodes {
		if n.Label == LabelEvent && n.Props["date"] == "2000-08-15" {
			scheduled = n.ID
		}
	}
	if scheduled == "" {
		t.Fatalf("no meeting of 2000-08-15 in %v", namesOf(t, "Gadget Board Minutes\n\nDate: 21 July 2000\n\nStrategy Session\n15-16 August - Montreal\n"))
	}
	for _, e := range g.Edges {
		if e.Type == RelDiscussed && e.From == scheduled {
			t.Errorf("the scheduled meeting discussed %s", e.To)
		}
	}
}

// TestNotesNameTheirPaper: the people and papers of meeting notes, in the
// forms the notes shorten them to.
func TestNotesNameTheirPaper(t *testing.T) {
	const log = "Anvil log\n\n  • 2021年2月19日(金)\n    Anvil WG call\n    [Update for Rocket Paper (RP)]\n\n  • 2021年2月5日(金)\n    Anvil WG sync\n    [Discussion of RP document] –\n\n  • Ada presented chapters 1-4\n  • reach out to Cyd G. for a template\n"
	got := factsOf(t, log)
	for _, want := range []string{
		"DISCUSSED Anvil WG sync -> Rocket Paper [discussed-at-meeting]", // an acronym in a bracketed heading with a dash after it
		"CONTRIBUTED_TO Ada -> Rocket Paper [action-item]",               // chapters are sections
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no %q in %v", want, got)
		}
	}
	if names := namesOf(t, log); !slices.Contains(names, "Person: Cyd G.") {
		t.Errorf("no Person: Cyd G. in %v", names) // a name ending in an initial
	}
}

// TestSiteWord: the acronym a page writes for its site's organization.
func TestSiteWord(t *testing.T) {
	tests := []struct{ all, site, want string }{
		{"GADA met. GADA agreed. GADA left.", "GADA", "GADA"},
		{"G4C met. G4C agreed. G4C left.", "G4", "G4C"},
		{"G4C met once.", "G4", ""},
		{"GADA met. GADA agreed.", "GADA", "GADA"}, // twice on its own site is enough
		{"G4CX met. G4CX agreed. G4CX left.", "G4", ""},
	}
	for _, tt := range tests {
		t.Run(tt.all, func(t *testing.T) {
			if got := siteWord(tt.all, tt.site); got != tt.want {
				t.Errorf("siteWord(%q, %q) = %q; want %q", tt.all, tt.site, got, tt.want)
			}
		})
	}
}

func TestInitials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Internet of Things", "iot it"},
		{"Gadget Safety Matrix", "gsm"},
		{"GearID Alliance", "ga gida"},
		{"GearWorks", "gw"},
		{"Gadget", ""},
		{"IoT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(initials(tt.in), " "); got != tt.want {
				t.Errorf("initials(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestShortFormsAreAliases: a name written shorter after its full form
// is one of the entity's names.
func TestShortFormsAreAliases(t *testing.T) {
	tests := []struct{ in, name, alias string }{
		{"Working Party 8A met. WP 8A and WP8A agreed.\n", "Working Party 8A", "WP 8A"},                                                                                                                       // and not "WP8A" beside it: the same letters
		{"GADA Gadget Working Group\n\nThe GADA Gadget Working Group writes guides.\n\nThe GADA Gadget WG meets in March.\n", "GADA Gadget Working Group", "GADA Gadget WG"},                                  // a group with its owner
		{"GADA Gadget Working Group\n\nThe GADA Gadget Working Group writes guides.\n\nOur next GADA Gadget WG meetings are scheduled for:\n\n- 2021-03-01\n", "GADA Gadget Working Group", "GADA Gadget WG"}, // a sentence before a list
	}
	for _, tt := range tests {
		t.Run(tt.alias, func(t *testing.T) {
			g, err := Parse(Text{Name: "t.txt", Data: []byte(tt.in)})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range g.Nodes {
				if n.Name == tt.name {
					if !slices.Contains(n.Aliases, tt.alias) {
						t.Errorf("aliases %q, want %q among them", n.Aliases, tt.alias)
					}
					return
				}
			}
			t.Fatalf("no %s in %v", tt.name, namesOf(t, tt.in))
		})
	}
}

// TestDesignatedTitles: a numbered group's title is one of its names.
func TestDesignatedTitles(t *testing.T) {
	in := "Groups\n\nAG 2 Gadget Emerging Technology (GET)\nWG 12 3D Printing and scanning\n"
	g, err := Parse(Text{Name: "t.txt", Data: []byte(in)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"AG 2": {"Gadget Emerging Technology", "GET"}, "WG 12": {"3D Printing and scanning"}}
	for _, n := range g.Nodes {
		names := append([]string{n.Name}, n.Aliases...)
		for designator, titles := range want {
			if !slices.Contains(names, designator) {
				continue
			}
			for _, title := range titles {
				if !slices.Contains(names, title) {
					t.Errorf("%s: names %q, want %q among them", designator, names, title)
				}
			}
			delete(want, designator)
		}
	}
	if len(want) > 0 {
		t.Errorf("no node for %v", want)
	}
}

func TestBareGroupWord(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"WG", true}, {"Working Group", true}, {"committee", true}, {"P3-WG", false}, {"Cloud WG", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := bareGroupWord(tt.in); got != tt.want {
				t.Errorf("bareGroupWord(%q) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestBrandOf(t *testing.T) {
	tests := []struct{ label, in, want string }{
		{LabelOrganization, "Gizmo Systems", "Gizmo"},
		{LabelOrganization, "Gizmo, Inc.", "Gizmo"},
		{LabelOrganization, "Gizmo Systems Labs", ""},
		{LabelOrganization, "Gizmo Alliance", ""},
		{LabelWorkingGroup, "Gizmo Systems", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := brandOf(tt.label, tt.in); got != tt.want {
				t.Errorf("brandOf(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHeadLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Organization for the Advancement of Gadget Standards", LabelOrganization},
		{"Gadget Wire Standards", LabelStandard},
		{"Gadget Steering Group", LabelWorkingGroup},
		{"Gizmo Register", LabelDocument},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := headLabel(tt.in); got != tt.want {
				t.Errorf("headLabel(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsCountry(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Germany", true}, {"United Kingdom", true}, {"United States", true}, {"Mexico", true},
		{"Ada Wrench", false}, {"Gadget Council", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := isCountry(tt.in); got != tt.want {
				t.Errorf("isCountry(%q) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}

// jaSpacedRoster is a roster whose lines space department, family name,
// given name and post, under headings in brackets.
const jaSpacedRoster = "部品対策検討チーム第2回検討会議\n\n開催日時\n\n令和2年5月29日(金曜)14時00分から16時00分\n\n出席者\n\n(外部専門家)\n\n  • 山田 太郎 部品大学副学長\n\n(庁内構成員)\n\n  • 総務局ICT推進部 鈴木 一郎 情報システム課長(座長)\n  • 総務局 佐藤 花子 課長代理(部品担当)\n  • 梅津委員\n"

// jaColumnMinutes is an assembly committee's minutes whose roster was laid
// out in columns and flattened onto one line.
const jaColumnMinutes = "1. 部品町議会 2021-06-07\n令和 3年 6月 部品対策特別委員会-06月07日-01号\n\n部品対策特別委員会会議録第三号 令和三年六月七日(月曜日)  場  所 第一会議室  出席委員(三名)    委員長         やまだたろう    副委員長        すずき 花          佐藤次郎  欠席委員(一名)       田中一郎  事務局職員    議事担当係長      高木 守  出席説明員    副町長     川口健二   企画部    部長     森 進    企画課長     大野一夫 ◇ ~~~~~~~~ ◇ 本日の会議に付した事件  1.報告事項   (1) 部品の調達について\n"

// jaFlatRoster is a committee's minutes flattened onto one line, its
// fields one after another.
const jaFlatRoster = "2021/10/12 部品運営委員会 資料 1-1 部品協会 第5回 部品運営委員会議事録(案) 開催日時 : 2021 年 9 月 14 日 (火) 16:00 ~ 17:40 場 所 : 部品協会 会議室 出席委員 : 山田 太郎、 佐藤 次郎 鈴木 一郎 提出委任状: 田中 花子 欠席委員 : 高橋 三郎 事 務 局 : 伊藤 四郎 配布資料: 資料 1-1 第4回議事録の確認 資料 2-1 企画部会報告\n"

// jaHonorificRoster is an advisory committee's minutes whose attendees
// include a guest written with an honorific.
const jaHonorificRoster = "第7回部品諮問委員会議事録\n\n1. 日    時: 2003年11月19日(水) 15:00 ~ 17:00\n\n3. 出 席 者: 山田太郎委員長\n              鈴木一郎委員\n              林一司氏(部品株式会社事業部長)\n\n4. 陪 席 者:  佐藤花子(部品協会 理事)\n\n5. 次  第:\n   1. 開会\n"
