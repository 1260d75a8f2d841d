package httpx

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRateLimiter(t *testing.T) {
	now := time.Unix(0, 0)
	l := NewRateLimiter(2, 3)
	l.now = func() time.Time { return now }
	tests := []struct {
		name    string
		advance time.Duration
		key     string
		want    bool
	}{
		{"burst 1", 0, "a", true},
		{"burst 2", 0, "a", true},
		{"burst 3", 0, "a", true},
		{"over the burst", 0, "a", false},
		{"another client has its own bucket", 0, "b", true},
		{"half a second refills one token", 500 * time.Millisecond, "a", true},
		{"and only one", 0, "a", false},
	}
	for _, tt := range tests {
		now = now.Add(tt.advance)
		if got, _ := l.Allow(tt.key); got != tt.want {
			t.Errorf("%s: Allow = %v, want %v", tt.name, got, tt.want)
		}
	}
	if len(l.clients) != 2 {
		t.Errorf("tracking %d clients, want 2", len(l.clients))
	}
	now = now.Add(2 * forgetAfter)
	l.Allow("c")
	if len(l.clients) != 1 {
		t.Errorf("after a long idle time tracking %d clients, want 1", len(l.clients))
	}
}

func TestMiddlewareRefusesWith429(t *testing.T) {
	l := NewRateLimiter(1, 1)
	h := l.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }))
	codes := []int{}
	for range 2 {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/graphql", nil)
		req.RemoteAddr = "192.0.2.1:1234"
		h.ServeHTTP(rec, req)
		codes = append(codes, rec.Code)
		if rec.Code == http.StatusTooManyRequests {
			if !strings.Contains(rec.Body.String(), `"code":"RATE_LIMITED"`) || rec.Header().Get("Retry-After") == "" {
				t.Errorf("429 response = %q, headers %v", rec.Body.String(), rec.Header())
			}
		}
	}
	if codes[0] != http.StatusNoContent || codes[1] != http.StatusTooManyRequests {
		t.Errorf("codes = %v, want [204 429]", codes)
	}
}

func TestSecureHeaders(t *testing.T) {
	rec := httptest.NewRecorder()
	SecureHeaders(http.NotFoundHandler()).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	for _, h := range []string{"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Content-Security-Policy"} {
		if rec.Header().Get(h) == "" {
			t.Errorf("missing %s", h)
		}
	}
}
