package graph

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestEveryLimitIsInTheTable: each field of RequestLimits shows in Rows,
// which the README's table is checked against, so a limit added to the
// struct and not to the table fails here.
func TestEveryLimitIsInTheTable(t *testing.T) {
	base := DefaultLimits.Rows()
	typ := reflect.TypeFor[RequestLimits]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		t.Run(f.Name, func(t *testing.T) {
			l := DefaultLimits
			v := reflect.ValueOf(&l).Elem().Field(i)
			switch v.Interface().(type) {
			case time.Duration:
				v.SetInt(int64(v.Interface().(time.Duration) + 7*time.Second))
			case int64:
				v.SetInt(v.Int() + 7<<20) // the table shows bytes in MiB
			case int:
				v.SetInt(v.Int() + 7)
			default:
				t.Fatalf("field of kind %s: no rule to change it", v.Kind())
			}
			if slices.Equal(l.Rows(), base) {
				t.Errorf("changing %s leaves the table as it was", f.Name)
			}
		})
	}
}

func TestThousands(t *testing.T) {
	for _, tt := range []struct {
		in   int
		want string
	}{{0, "0"}, {32, "32"}, {1000, "1,000"}, {15000, "15,000"}, {100000, "100,000"}, {1234567, "1,234,567"}} {
		t.Run(tt.want, func(t *testing.T) {
			if got := thousands(tt.in); got != tt.want {
				t.Errorf("thousands(%d) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
