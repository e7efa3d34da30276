import EvalSheetModel
import StrictJSON
/// The JSON text of a sheet, written field by field in sorted key order (the keys are those of
/// the Codable conformance, so JSONDecoder reads it back).
extension EvaluationSheet {
    func writeJSON(_ w: inout JSONTextWriter) {
        w.object { w in
            w.key("challenges")
            w.array(challenges) { w, c in
                w.object { w in
                    w.key("challenge"); w.string(c.challenge)
                    w.key("current"); w.string(c.current)
                    w.key("future"); w.string(c.future)
                    w.key("number"); w.int(c.number)
                    w.key("relatedProjects"); w.array(c.relatedProjects) { w, r in w.string(r) }
                }
            }
            w.key("directions")
            w.array(directions) { w, d in
                w.object { w in
                    w.key("number"); w.int(d.number)
                    w.key("text"); w.string(d.text)
                }
            }
            w.key("environment")
            w.array(environment) { w, f in
                w.object { w in
                    w.key("assessments")
                    w.array(f.assessments) { w, a in
                        w.object { w in
                            w.key("code"); w.int(a.code)
                            w.key("label"); w.string(a.label)
                        }
                    }
                    w.key("category"); w.string(f.category)
                    w.key("reason"); w.string(f.reason)
                    w.key("status"); w.string(f.status)
                }
            }
            w.key("evaluation")
            w.object { w in
                w.key("rating"); w.string(evaluation.rating.rawValue)
                w.key("reason"); w.string(evaluation.reason)
            }
            w.key("fiscalYear"); w.int(fiscalYear)
            w.key("futureActionsFromYear"); w.int(futureActionsFromYear)
            w.key("futureVision"); w.string(futureVision)
            w.key("goal"); Self.coded(goal, &w)
            w.key("indicators")
            w.object { w in
                if let note = indicators.footnote { w.key("footnote"); w.string(note) }
                w.key("items")
                w.array(indicators.items) { w, item in
                    w.object { w in
                        w.key("actuals"); Self.values(item.actuals, &w)
                        if let d = item.description { w.key("description"); w.string(d) }
                        w.key("direction"); w.string(item.direction.rawValue)
                        if let m = item.method { w.key("method"); w.string(m) }
                        w.key("name"); w.string(item.name)
                        w.key("number"); w.int(item.number)
                        w.key("rates"); Self.values(item.rates, &w)
                        w.key("targets"); Self.values(item.targets, &w)
                        w.key("unit"); w.string(item.unit)
                    }
                }
                w.key("years"); w.array(indicators.years) { w, y in w.int(y) }
            }
            if let last = lastYear {
                w.key("lastYear")
                w.object { w in
                    w.key("budget")
                    if let b = last.budget {
                        w.object { w in
                            w.key("fiscalYear"); w.int(b.fiscalYear)
                            w.key("kind"); w.string(b.kind.rawValue)
                        }
                    } else {
                        w.null()
                    }
                    w.key("budgetAmounts")
                    w.array(last.budgetAmounts) { w, a in
                        w.object { w in
                            w.key("amount"); w.optional(a.amount)
                            w.key("code"); w.string(a.code)
                        }
                    }
                    w.key("fiscalYear"); w.int(last.fiscalYear)
                    w.key("rating"); w.string(last.rating.rawValue)
                    w.key("reason"); w.string(last.reason)
                }
            }
            w.key("organization")
            w.object { w in
                w.key("department"); w.string(organization.department)
                w.key("person"); w.string(organization.person)
                w.key("phoneExtension"); w.string(organization.phoneExtension)
                w.key("relatedSections"); w.array(organization.relatedSections) { w, s in w.string(s) }
                w.key("section"); w.string(organization.section)
                w.key("subsection"); w.string(organization.subsection)
                w.key("title"); w.string(organization.title)
            }
            w.key("policy"); Self.coded(policy, &w)
            w.key("projects")
            w.object { w in
                w.key("columns")
                w.array(projects.columns) { w, c in
                    w.object { w in
                        w.key("fiscalYear"); w.int(c.fiscalYear)
                        w.key("kind"); w.string(c.kind.rawValue)
                    }
                }
                w.key("rows")
                w.array(projects.rows) { w, p in
                    w.object { w in
                        w.key("amounts"); w.array(p.amounts) { w, a in w.optional(a) }
                        w.key("code"); w.string(p.code)
                        w.key("directions"); w.array(p.directions) { w, d in w.int(d) }
                        w.key("inExecutionPlan"); w.bool(p.inExecutionPlan)
                        w.key("name"); w.string(p.name)
                        w.key("section"); w.string(p.section)
                    }
                }
                w.key("totals"); w.array(projects.totals) { w, t in w.optional(t) }
            }
            w.key("schemaVersion"); w.int(schemaVersion)
            w.key("vision"); Self.coded(vision, &w)
        }
    }

    private static func coded(_ c: CodedName, _ w: inout JSONTextWriter) {
        w.object { w in
            w.key("code"); w.string(c.code)
            w.key("name"); w.string(c.name)
        }
    }

    private static func values(_ values: [IndicatorValue], _ w: inout JSONTextWriter) {
        w.array(values) { w, v in
            if case .blank = v { w.null() } else { w.string(v.text) }
        }
    }
}
