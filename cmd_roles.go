package main

import (
	"cmp"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ddat-tools/ddat/model"
	"github.com/urfave/cli/v2"
)

// rolesCommand lists the roles of the framework as a table.
func rolesCommand() *cli.Command {
	return &cli.Command{
		Name:  "roles",
		Usage: "list the roles: family, role, id, number of levels, grade range",
		Description: "The ID column is what \"ddat show\" and \"ddat profile\" accept (so does the name).\n" +
			"The filters keep the roles with at least one level that matches.\n\n" +
			"Examples:\n" +
			"   ddat roles\n" +
			"   ddat roles --family \"IT operations\" --grade G7\n" +
			"   ddat --data my-framework.yaml roles",
		Flags: selectionFlags(),
		Action: func(c *cli.Context) error {
			fw, refs, err := loadSelected(c)
			if err != nil {
				return err
			}
			return writeOutput(c, "-", func(w io.Writer) error { return writeRoles(w, fw, refs) })
		},
	}
}

// writeRoles writes a table of the roles that refs point into, each once, in
// framework order. A TYPE column ("Senior Civil Service") is there when a
// role has a type.
func writeRoles(w io.Writer, fw *model.Framework, refs []model.LevelRef) error {
	var roles []*model.Role
	typed := false
	for _, ref := range refs {
		if len(roles) == 0 || roles[len(roles)-1] != ref.Role {
			roles = append(roles, ref.Role)
			typed = typed || ref.Role.Type != ""
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if typed {
		fmt.Fprintln(tw, "FAMILY\tROLE\tID\tTYPE\tLEVELS\tGRADES")
	} else {
		fmt.Fprintln(tw, "FAMILY\tROLE\tID\tLEVELS\tGRADES")
	}
	for _, r := range roles {
		grades := fw.GradeRange(r)
		if grades == "" {
			grades = "-"
		}
		if typed {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", cmp.Or(fw.FamilyName(r), "-"), r.Name, r.ID, cmp.Or(r.Type, "-"), len(r.Levels), grades)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", cmp.Or(fw.FamilyName(r), "-"), r.Name, r.ID, len(r.Levels), grades)
	}
	return tw.Flush()
}
