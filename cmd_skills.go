package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/ddat-tools/ddat/model"
	"github.com/urfave/cli/v2"
)

// skillsCommand lists the skills catalogue as a table.
func skillsCommand() *cli.Command {
	return &cli.Command{
		Name:  "skills",
		Usage: "list the skills: how many role levels need each, and the skill levels described",
		Description: "ROLE LEVELS counts the role levels that need the skill (within the filters);\n" +
			"DESCRIBED lists the skill levels the framework gives a \"You can:\" list for.\n\n" +
			"Examples:\n" +
			"   ddat skills\n" +
			"   ddat skills --role infrastructure-engineer",
		Flags: selectionFlags(),
		Action: func(c *cli.Context) error {
			fw, refs, err := loadSelected(c)
			if err != nil {
				return err
			}
			return writeOutput(c, "-", func(w io.Writer) error { return writeSkills(w, fw, refs, !selection(c).IsZero()) })
		},
	}
}

// writeSkills writes a table of the skills catalogue in source order: how
// many of the role levels in refs need each skill, and which skill levels
// are described. When filtered, skills no selected level needs are left out.
func writeSkills(w io.Writer, fw *model.Framework, refs []model.LevelRef, filtered bool) error {
	need := map[string]int{}
	for _, ref := range refs {
		for _, q := range ref.Level.Skills {
			need[q.Skill]++
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SKILL\tROLE LEVELS\tDESCRIBED")
	for i := range fw.Skills {
		s := &fw.Skills[i]
		if filtered && need[s.ID] == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\n", s.Name, need[s.ID], describedLevels(fw, s))
	}
	return tw.Flush()
}

// describedLevels lists the skill levels at which s has a description, in
// ascending order: "awareness, working", or "none".
func describedLevels(fw *model.Framework, s *model.Skill) string {
	var names []string
	for _, l := range fw.SkillLevels {
		if len(s.Can(l.ID)) > 0 {
			names = append(names, l.ID)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
