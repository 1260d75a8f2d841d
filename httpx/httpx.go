// Package httpx holds csakg's HTTP middleware: security headers and
// per-client rate limiting.
package httpx

import (
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// SecureHeaders sets headers that every response should carry. A handler
// that serves a page with its own needs (scripts, styles) may replace the
// Content-Security-Policy.
func SecureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// RateLimiter allows each client (by remote IP) Rate requests per second,
// with bursts of Burst. Clients unseen for a while are forgotten, so memory
// stays bounded by the number of recent clients.
type RateLimiter struct {
	rate  rate.Limit
	burst int
	now   func() time.Time

	mu      sync.Mutex
	clients map[string]*client
	swept   time.Time
}

type client struct {
	lim  *rate.Limiter
	seen time.Time
}

// forgetAfter is how long an idle client's bucket is kept.
const forgetAfter = 5 * time.Minute

// NewRateLimiter returns a limiter of perSecond requests per client with
// bursts of burst.
func NewRateLimiter(perSecond float64, burst int) *RateLimiter {
	return &RateLimiter{rate: rate.Limit(perSecond), burst: burst, now: time.Now, clients: map[string]*client{}}
}

// Allow reports whether the client at key may make a request now, and if
// not, how long it should wait.
func (l *RateLimiter) Allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.swept) > forgetAfter {
		for k, c := range l.clients {
			if now.Sub(c.seen) > forgetAfter {
				delete(l.clients, k)
			}
		}
		l.swept = now
	}
	c, ok := l.clients[key]
	if !ok {
		c = &client{lim: rate.NewLimiter(l.rate, l.burst)}
		l.clients[key] = c
	}
	c.seen = now
	res := c.lim.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return false, d
	}
	return true, 0
}

// Middleware refuses requests over the limit with 429, a Retry-After header
// and a GraphQL-shaped error with extensions.code RATE_LIMITED.
func (l *RateLimiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := l.Allow(clientKey(r))
		if !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(wait/time.Second)+1))
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			w.Write([]byte(`{"errors":[{"message":"too many requests: slow down and retry later","extensions":{"code":"RATE_LIMITED"}}]}`))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// clientKey identifies the client by its IP address.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
