package graph

import (
	"csakg/graph/model"
	"csakg/store"
)

func statsModel(st store.Stats) *model.Stats {
	out := &model.Stats{
		Labels:        countModels(st.Labels),
		Relationships: countModels(st.Relationships),
	}
	for _, c := range st.Labels {
		out.Entities += int(c.Count)
	}
	return out
}

func countModels(cs []store.Count) []*model.LabelCount {
	out := make([]*model.LabelCount, len(cs))
	for i, c := range cs {
		out[i] = &model.LabelCount{Name: c.Name, Count: int(c.Count)}
	}
	return out
}
