package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// seniority are the words of level titles that tell how senior a level is,
// most junior first. A title with none of them ranks where "" is: between
// "junior" and "senior", as "Infrastructure engineer" sits between
// "Associate infrastructure engineer" and "Senior infrastructure engineer".
var seniority = [...]string{"apprentice", "trainee", "associate", "junior", "", "senior", "lead", "principal", "head", "chief"}

// levelRank is what SeniorityOrder knows of one role level.
type levelRank struct {
	i     int    // index in the role's Levels
	words string // the title without the role's name and the seniority words
	rank  int    // index in seniority of the title's most senior word
	total int    // sum of the steps of the skill levels the level needs
}

// SeniorityOrder returns the indexes of r's levels in order of seniority,
// most junior first, for a source that lists levels in no useful order (the
// framework's download lists them alphabetically). weight gives a skill
// level id's step on the scale, 1 for the lowest.
//
// The rule: levels are placed by the total of the skill levels each needs,
// lowest first; then, among titles that share their wording once the role's
// name and the seniority words are set aside ("Senior infrastructure
// engineer", "Infrastructure engineer"), the seniority words decide which
// takes which of their places: apprentice, trainee, associate, junior, no
// word, senior, lead, principal, head, chief. Ties keep the source order.
func SeniorityOrder(r *Role, weight func(level string) int) []int {
	ranks := make([]levelRank, len(r.Levels))
	roleWords := titleWords(r.Name)
	for i := range r.Levels {
		ranks[i] = rankLevel(roleWords, &r.Levels[i], weight)
		ranks[i].i = i
	}
	bySkills := slices.Clone(ranks)
	slices.SortStableFunc(bySkills, func(a, b levelRank) int {
		return cmp.Or(cmp.Compare(a.total, b.total), cmp.Compare(a.rank, b.rank))
	})
	// The places each group of titles with the same wording holds, in order.
	places := map[string][]int{}
	for p, k := range bySkills {
		places[k.words] = append(places[k.words], p)
	}
	order := make([]int, len(ranks))
	for _, ps := range places {
		var members []levelRank
		for _, p := range ps {
			members = append(members, bySkills[p])
		}
		slices.SortStableFunc(members, func(a, b levelRank) int {
			return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.total, b.total), cmp.Compare(a.i, b.i))
		})
		for n, p := range ps {
			order[p] = members[n].i
		}
	}
	return order
}

func rankLevel(roleWords []string, l *RoleLevel, weight func(string) int) levelRank {
	k := levelRank{rank: slices.Index(seniority[:], "")}
	words := titleWords(l.Title)
	if i := indexWords(words, roleWords); i >= 0 && len(roleWords) > 0 {
		words = slices.Delete(slices.Clone(words), i, i+len(roleWords))
	}
	var rest []string
	found := false
	for _, w := range words {
		if n := slices.Index(seniority[:], w); n >= 0 && w != "" {
			if !found || n > k.rank {
				k.rank = n
			}
			found = true
			continue
		}
		rest = append(rest, w)
	}
	k.words = strings.Join(rest, " ")
	for _, q := range l.Skills {
		k.total += weight(q.Level)
	}
	return k
}

// titleWords are a title's words, folded.
func titleWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// indexWords is the index of the first run of words equal to sub, or -1.
func indexWords(words, sub []string) int {
	for i := 0; i+len(sub) <= len(words); i++ {
		if slices.Equal(words[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// ReorderLevels puts r's levels in the order of order, indexes into the
// current Levels that name each level once.
func (r *Role) ReorderLevels(order []int) {
	levels := make([]RoleLevel, len(order))
	for n, i := range order {
		levels[n] = r.Levels[i]
	}
	copy(r.Levels, levels)
}

// SetLevelOrderInferred records whether the order of the levels of the role
// named role was inferred (see SeniorityOrder) rather than given by the
// input. Validate lists the roles whose order was inferred, once, so that a
// person can check it.
func (fw *Framework) SetLevelOrderInferred(role string, inferred bool) {
	if fw.inferred == nil {
		fw.inferred = map[string]bool{}
	}
	if inferred {
		fw.inferred[fold(role)] = true
	} else {
		delete(fw.inferred, fold(role))
	}
}

// LevelOrderInferred reports whether the order of the levels of the role
// named role was inferred.
func (fw *Framework) LevelOrderInferred(role string) bool { return fw.inferred[fold(role)] }

// inferredOrder is the one notice that level orders were inferred, with the
// order chosen for each role of more than one level.
func (v *validator) inferredOrder() {
	var b strings.Builder
	n := 0
	for i := range v.fw.Roles {
		r := &v.fw.Roles[i]
		if !v.fw.LevelOrderInferred(r.Name) || len(r.Levels) < 2 {
			continue
		}
		n++
		fmt.Fprintf(&b, "\n  %s: ", r.Name)
		for j := range r.Levels {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%d. %s", j+1, levelName(r, j))
		}
	}
	if n == 0 {
		return
	}
	roles := "role"
	if n > 1 {
		roles = "roles"
	}
	v.add(Warning, Pos{}, "role levels", "the input gives no order of role levels: the levels of %d %s are put in seniority order, "+
		"by the seniority words of their titles and the skill levels each needs; check it, and give a level number column or a --grades file listing the levels to set another:%s", n, roles, b.String())
}
