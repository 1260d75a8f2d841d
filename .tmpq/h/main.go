package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"time"
)

func main() {
	url := os.Args[1]
	body := []byte(os.Args[2])
	c := &http.Client{}
	var lat []time.Duration
	for i := 0; i < 2000; i++ {
		t0 := time.Now()
		resp, err := c.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			panic(err)
		}
		io.ReadAll(resp.Body)
		resp.Body.Close()
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	fmt.Println("p50", lat[len(lat)/2], "p95", lat[len(lat)*95/100])
}
