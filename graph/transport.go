package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// postJSON answers a POST with a JSON body, as gqlgen's transport.POST
// does (the same requests, content types and status codes), but writes
// the response once: the data, which the direct writer or the executor
// has already written as JSON, goes out as it is. gqlgen's transport
// marshals the whole response again, which validates and copies the
// data (7% of the server's CPU on the three-level request). Errors and
// extensions are marshalled as gqlgen marshals them.
type postJSON struct{}

var _ graphql.Transport = postJSON{}

// Supports implements graphql.Transport.
func (postJSON) Supports(r *http.Request) bool { return transport.POST{}.Supports(r) }

// Do implements graphql.Transport.
func (postJSON) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	ct := responseType(r.Header.Get("Accept"))
	w.Header().Set("Content-Type", ct)
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("reading the request body: %v", err)}))
		return
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&params); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("the request body is not a GraphQL request in JSON: %v", err)}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	rc, errs := exec.CreateOperationContext(ctx, &params)
	if errs != nil {
		w.WriteHeader(errorStatus(errs, ct))
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), errs))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

const (
	typeJSON         = "application/json"
	typeGraphQLReply = "application/graphql-response+json"
)

// responseType is the content type of the answer to a request that
// accepts accept: JSON when it names JSON or anything, or says nothing;
// GraphQL's own response type when it names that, or only other types.
func responseType(accept string) string {
	if accept == "" {
		return typeJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		switch t, _, err := mime.ParseMediaType(strings.TrimSpace(part)); {
		case err != nil:
		case t == "*/*" || t == "application/*" || t == typeJSON:
			return typeJSON
		case t == typeGraphQLReply:
			return typeGraphQLReply
		}
	}
	return typeGraphQLReply
}

// errorStatus is the status of a request that fails before it runs: an
// unparsable or invalid document is 422 in JSON and 400 in GraphQL's
// response type; other errors (a persisted query not found) are 200.
func errorStatus(errs gqlerror.List, ct string) int {
	switch {
	case errcode.GetErrorKind(errs) != errcode.KindProtocol:
		return http.StatusOK
	case ct == typeGraphQLReply:
		return http.StatusBadRequest
	}
	return http.StatusUnprocessableEntity
}

// writeResponse writes resp as gqlgen's JSON of a graphql.Response, with
// its data as they are; a response of an incremental delivery (label,
// path, hasNext) is marshalled whole.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if resp.Label != "" || resp.Path != nil || resp.HasNext != nil {
		b, err := json.Marshal(resp)
		if err != nil {
			panic(err)
		}
		w.Write(b)
		return
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	if len(resp.Errors) > 0 {
		buf.WriteString(`"errors":`)
		mustEncode(&buf, resp.Errors)
		buf.WriteByte(',')
	}
	buf.WriteString(`"data":`)
	if len(resp.Data) == 0 {
		buf.WriteString("null")
	} else {
		buf.Write(resp.Data)
	}
	if len(resp.Extensions) > 0 {
		buf.WriteString(`,"extensions":`)
		mustEncode(&buf, resp.Extensions)
	}
	buf.WriteByte('}')
	w.Write(buf.Bytes())
}

// mustEncode appends v's JSON, as json.Marshal writes it, to buf.
func mustEncode(buf *bytes.Buffer, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	buf.Write(b)
}
