package formats

import "github.com/ddat-tools/ddat/internal/csvrows"

// column is one kind of column the layout knows.
type column int

const (
	colRoleFamily column = iota
	colRole
	colRoleID
	colRoleType
	colRoleDescription
	colRoleLevel
	colLevelNumber
	colRoleLevelDescription
	colGrades
	colResponsibilities
	colSkillName
	colSkillID
	colSkillDescription
	colSkillLevel
	colSkillLevelDescription
	colPublished
	colLastUpdated
	colUpdates
	colFramework
	colSource
	colLicence
	colURL
	numColumns
)

// headings are the columns' names as Write writes them, in the order it
// writes them.
var headings = [numColumns]string{
	colRoleFamily:            "Role Family",
	colRole:                  "Role",
	colRoleID:                "Role ID",
	colRoleType:              "Role Type",
	colRoleDescription:       "Role Description",
	colRoleLevel:             "Role Level",
	colLevelNumber:           "Role Level Number",
	colRoleLevelDescription:  "Role Level Description",
	colGrades:                "Grades",
	colResponsibilities:      "Responsibilities",
	colSkillName:             "Skill Name",
	colSkillID:               "Skill ID",
	colSkillDescription:      "Skill Description",
	colSkillLevel:            "Skill Level",
	colSkillLevelDescription: "Skill Level Description",
	colPublished:             "Published",
	colLastUpdated:           "Last Updated",
	colUpdates:               "Updates",
	colFramework:             "Framework",
	colSource:                "Source",
	colLicence:               "Licence",
	colURL:                   "URL",
}

// required are the columns every file must have.
var required = []column{
	colRoleFamily, colRole, colRoleDescription, colRoleLevel, colRoleLevelDescription,
	colSkillName, colSkillDescription, colSkillLevel, colSkillLevelDescription,
}

// aliases are other headings seen in the wild for the same columns.
var aliases = map[string]column{
	"family":           colRoleFamily,
	"rolename":         colRole,
	"skill":            colSkillName,
	"grade":            colGrades,
	"type":             colRoleType,
	"roletitle":        colRole,
	"leveltitle":       colRoleLevel,
	"updated":          colLastUpdated,
	"firstpublished":   colPublished,
	"updatehistory":    colUpdates,
	"frameworkname":    colFramework,
	"frameworksource":  colSource,
	"license":          colLicence,
	"frameworklicence": colLicence,
	"frameworklicense": colLicence,
	"frameworkurl":     colURL,
	"levelnumber":      colLevelNumber,
	"levelorder":       colLevelNumber,
	"rolelevelorder":   colLevelNumber,
}

// columnOf returns the column a heading names.
func columnOf(heading string) (column, bool) {
	k := csvrows.HeadingKey(heading)
	for c, h := range headings {
		if csvrows.HeadingKey(h) == k {
			return column(c), true
		}
	}
	c, ok := aliases[k]
	return c, ok
}
