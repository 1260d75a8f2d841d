package graphmodel

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// The tests in this file hold schema/*.graphqls against the model: a
// label or relationship type declared here and not in the schema (or the
// other way round) fails them, and so does an @rel the model does not
// allow.

func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	paths, err := filepath.Glob("../schema/*.graphqls")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no schema files: %v", err)
	}
	var srcs []*ast.Source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, &ast.Source{Name: p, Input: string(b)})
	}
	s, gerr := gqlparser.LoadSchema(srcs...)
	if gerr != nil {
		t.Fatal(gerr)
	}
	return s
}

func fieldNames(def *ast.Definition) []string {
	var out []string
	for _, f := range def.Fields {
		out = append(out, f.Name)
	}
	return out
}

func enumValues(def *ast.Definition) []string {
	var out []string
	for _, v := range def.EnumValues {
		out = append(out, v.Name)
	}
	return out
}

func sorted(l []string) []string { l = slices.Clone(l); slices.Sort(l); return l }

// TestSchemaHasEveryLabel: each label has its object type, connection,
// edge, Where input, root list and EntityType value, and nothing more.
func TestSchemaHasEveryLabel(t *testing.T) {
	s := loadSchema(t)
	var enums []string
	for _, l := range Labels {
		enums = append(enums, l.Enum)
		t.Run(l.Name, func(t *testing.T) {
			typ := s.Types[l.Name]
			if typ == nil || typ.Kind != ast.Object || !slices.Contains(typ.Interfaces, EntityLabel) {
				t.Fatalf("no object type %s implementing %s", l.Name, EntityLabel)
			}
			conn, edge := s.Types[l.Connection()], s.Types[l.Edge()]
			if conn == nil || conn.Fields.ForName("edges") == nil || conn.Fields.ForName("edges").Type.Name() != l.Edge() {
				t.Errorf("no type %s with edges: [%s!]!", l.Connection(), l.Edge())
			}
			if edge == nil || !slices.Contains(edge.Interfaces, "RelationshipFacts") ||
				edge.Fields.ForName("node") == nil || edge.Fields.ForName("node").Type.Name() != l.Name {
				t.Errorf("no type %s implementing RelationshipFacts with node: %s!", l.Edge(), l.Name)
			}
			checkWhere(t, s, l)
			list := s.Query.Fields.ForName(l.List)
			if list == nil || list.Type.Name() != l.Connection() {
				t.Fatalf("no Query.%s: %s!", l.List, l.Connection())
			}
			if a := list.Arguments.ForName("where"); a == nil || a.Type.Name() != l.Where() {
				t.Errorf("Query.%s has no argument where: %s", l.List, l.Where())
			}
			order := "EntityOrder"
			if l.Dated {
				order = "DatedOrder"
			}
			if a := list.Arguments.ForName("orderBy"); a == nil || a.Type.Name() != order || a.DefaultValue == nil {
				t.Errorf("Query.%s has no argument orderBy: %s with a default", l.List, order)
			}
		})
	}
	if got := enumValues(s.Types["EntityType"]); !slices.Equal(sorted(got), sorted(enums)) {
		t.Errorf("enum EntityType has %v; the model's labels are %v", got, enums)
	}
	for _, def := range s.Types {
		if def.Kind == ast.Object && slices.Contains(def.Interfaces, EntityLabel) && !IsLabel(def.Name) {
			t.Errorf("type %s is an %s but no label of the model", def.Name, EntityLabel)
		}
	}
}

// checkWhere: a label's Where input has the model's filters and, for each
// relationship field of its type that names one label, a relationship
// filter of the same name on that label's entities; its RelFilter input
// has the quantifiers, each a Where input of the label, and a count.
func checkWhere(t *testing.T, s *ast.Schema, l Label) {
	t.Helper()
	where := s.Types[l.Where()]
	if where == nil || where.Kind != ast.InputObject {
		t.Errorf("no input %s", l.Where())
		return
	}
	var filters []string
	for _, f := range where.Fields {
		if far, ok := relFilterFields(s.Types[l.Name])[f.Name]; ok {
			if f.Type.Name() != far.RelFilter() {
				t.Errorf("%s.%s is of %s, want %s", l.Where(), f.Name, f.Type.Name(), far.RelFilter())
			}
			continue
		}
		filters = append(filters, f.Name)
	}
	if want := sorted(append(slices.Clone(CommonFilters), l.Filters...)); !slices.Equal(sorted(filters), want) {
		t.Errorf("input %s has filters %v; the model's are %v", l.Where(), filters, want)
	}
	for name := range relFilterFields(s.Types[l.Name]) {
		if where.Fields.ForName(name) == nil {
			t.Errorf("input %s has no relationship filter %s, as %s.%s", l.Where(), name, l.Name, name)
		}
	}
	rf := s.Types[l.RelFilter()]
	if rf == nil || rf.Kind != ast.InputObject {
		t.Errorf("no input %s", l.RelFilter())
		return
	}
	if want := sorted(append(slices.Clone(Quantifiers), RelCount)); !slices.Equal(sorted(fieldNames(rf)), want) {
		t.Errorf("input %s has %v, want %v", l.RelFilter(), fieldNames(rf), want)
	}
	for _, q := range Quantifiers {
		if f := rf.Fields.ForName(q); f != nil && f.Type.Name() != l.Where() {
			t.Errorf("%s.%s is of %s, want %s", l.RelFilter(), q, f.Type.Name(), l.Where())
		}
	}
	if f := rf.Fields.ForName(RelCount); f != nil && f.Type.Name() != "CountFilter" {
		t.Errorf("%s.%s is of %s, want CountFilter", l.RelFilter(), RelCount, f.Type.Name())
	}
}

// relFilterFields are the relationship fields of an entity type a Where
// input filters on, each with its one far label: those whose @rel names
// exactly one label of the model.
func relFilterFields(typ *ast.Definition) map[string]Label {
	out := map[string]Label{}
	if typ == nil {
		return out
	}
	for _, f := range typ.Fields {
		d := f.Directives.ForName("rel")
		if d == nil {
			continue
		}
		a := d.Arguments.ForName("labels")
		if a == nil || len(a.Value.Children) != 1 {
			continue
		}
		if far, ok := LabelOf(a.Value.Children[0].Value.Raw); ok {
			out[f.Name] = far
		}
	}
	return out
}

// TestSchemaReachesEveryProperty: the fields of a label's type beyond the
// Entity interface's are its properties and its relationship fields,
// exactly; every fact is a field of RelationshipFacts.
func TestSchemaReachesEveryProperty(t *testing.T) {
	s := loadSchema(t)
	for _, l := range Labels {
		t.Run(l.Name, func(t *testing.T) {
			typ := s.Types[l.Name]
			if typ == nil {
				t.Fatalf("no type %s", l.Name)
			}
			var props []string
			for _, f := range typ.Fields {
				if !slices.Contains(EntityFields, f.Name) && f.Directives.ForName("rel") == nil {
					props = append(props, f.Name)
				}
			}
			if !slices.Equal(sorted(props), sorted(l.Props)) {
				t.Errorf("type %s has properties %v; the model declares %v", l.Name, props, l.Props)
			}
		})
	}
	for _, name := range EntityFields {
		if s.Types[EntityLabel].Fields.ForName(name) == nil {
			t.Errorf("interface %s has no field %s", EntityLabel, name)
		}
	}
	facts := s.Types["RelationshipFacts"]
	var got []string
	for _, f := range facts.Fields {
		if f.Name != "cursor" && f.Name != "node" && f.Name != "evidence" {
			got = append(got, f.Name)
		}
	}
	if !slices.Equal(sorted(got), sorted(Facts)) {
		t.Errorf("RelationshipFacts has facts %v; the model declares %v", got, Facts)
	}
}

// TestSchemaRelsFollowTheModel: every @rel names a declared type, starts
// at a label the type allows in its direction, asks only for labels the
// type can reach, and returns their connection; every type is read by some
// field; the RelationshipType enum is the model's types.
func TestSchemaRelsFollowTheModel(t *testing.T) {
	s := loadSchema(t)
	read := map[string]bool{}
	for _, l := range Labels {
		typ := s.Types[l.Name]
		if typ == nil {
			continue // TestSchemaHasEveryLabel reports it
		}
		for _, f := range typ.Fields {
			d := f.Directives.ForName("rel")
			if d == nil {
				continue
			}
			t.Run(l.Name+"."+f.Name, func(t *testing.T) {
				relType := d.Arguments.ForName("type").Value.Raw
				dir := d.Arguments.ForName("direction").Value.Raw
				var labels []string
				if a := d.Arguments.ForName("labels"); a != nil {
					for _, c := range a.Value.Children {
						labels = append(labels, c.Value.Raw)
					}
				}
				checkRelField(t, l.Name, f, relType, dir, labels)
				read[relType] = true
			})
		}
	}
	for _, r := range Rels {
		if !read[r.Type] {
			t.Errorf("no field reads %s", r.Type)
		}
	}
	if got := enumValues(s.Types["RelationshipType"]); !slices.Equal(sorted(got), sorted(RelTypes)) {
		t.Errorf("enum RelationshipType has %v; the model's types are %v", got, RelTypes)
	}
}

func checkRelField(t *testing.T, label string, f *ast.FieldDefinition, relType, dir string, labels []string) {
	t.Helper()
	r, ok := RelOf(relType)
	if !ok {
		t.Fatalf("@rel type %q is not a relationship type of the model", relType)
	}
	near := map[string][]string{Out: r.From, In: r.To, Both: r.From}[dir]
	if !slices.Contains(near, label) {
		t.Errorf("%s %s does not start at %s; the model has it from %v to %v", relType, dir, label, r.From, r.To)
	}
	if dir == Both && !r.Symmetric {
		t.Errorf("%s is read BOTH ways but the model does not declare it symmetric", relType)
	}
	if len(labels) == 0 {
		t.Errorf("@rel has no labels: the connection type cannot be checked")
	}
	for _, far := range labels {
		if !slices.Contains(r.Far(dir), far) {
			t.Errorf("%s %s cannot reach %s; the model has it from %v to %v", relType, dir, far, r.From, r.To)
		}
	}
	want := "EntityConnection"
	if len(labels) == 1 {
		want = labels[0] + "Connection"
	}
	if f.Type.Name() != want {
		t.Errorf("field type %s, want %s for labels %v", f.Type.Name(), want, labels)
	}
}

// TestEveryPageSizeHasADefault: model.Args gives a null first the schema's
// default; a first without one would be refused.
func TestEveryPageSizeHasADefault(t *testing.T) {
	s := loadSchema(t)
	for _, def := range s.Types {
		if strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, f := range def.Fields {
			if a := f.Arguments.ForName("first"); a != nil && a.DefaultValue == nil {
				t.Errorf("%s.%s(first:) has no default", def.Name, f.Name)
			}
		}
	}
}
