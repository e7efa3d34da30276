import EvalSheetModel
import StrictJSON
/// The JSON text of a sheet, written field by field in sorted key order (the keys are those of
/// the Codable conformance, so JSONDecoder reads it back).
extension EvaluationSheet {
    func writeJSON(_ w: inout JSONTextWriter) {
        w.object { w in
            w.key(literal: "challenges")
            w.array(challenges) { w, c in
                w.object { w in
                    w.key(literal: "challenge"); w.string(c.challenge)
                    w.key(literal: "current"); w.string(c.current)
                    w.key(literal: "future"); w.string(c.future)
                    w.key(literal: "number"); w.int(c.number)
                    w.key(literal: "relatedProjects"); w.array(c.relatedProjects) { w, r in w.string(r) }
                }
            }
            w.key(literal: "directions")
            w.array(directions) { w, d in
                w.object { w in
                    w.key(literal: "number"); w.int(d.number)
                    w.key(literal: "text"); w.string(d.text)
                }
            }
            w.key(literal: "environment")
            w.array(environment) { w, f in
                w.object { w in
                    w.key(literal: "assessments")
                    w.array(f.assessments) { w, a in
                        w.object { w in
                            w.key(literal: "code"); w.int(a.code)
                            w.key(literal: "label"); w.string(a.label)
                        }
                    }
                    w.key(literal: "category"); w.string(f.category)
                    w.key(literal: "reason"); w.string(f.reason)
                    w.key(literal: "status"); w.string(f.status)
                }
            }
            w.key(literal: "evaluation")
            w.object { w in
                w.key(literal: "rating"); w.string(evaluation.rating.rawValue)
                w.key(literal: "reason"); w.string(evaluation.reason)
            }
            w.key(literal: "fiscalYear"); w.int(fiscalYear)
            w.key(literal: "futureActionsFromYear"); w.int(futureActionsFromYear)
            w.key(literal: "futureVision"); w.string(futureVision)
            w.key(literal: "goal"); Self.coded(goal, &w)
            w.key(literal: "indicators")
            w.object { w in
                if let note = indicators.footnote { w.key(literal: "footnote"); w.string(note) }
                w.key(literal: "items")
                w.array(indicators.items) { w, item in
                    w.object { w in
                        w.key(literal: "actuals"); Self.values(item.actuals, &w)
                        if let d = item.description { w.key(literal: "description"); w.string(d) }
                        w.key(literal: "direction"); w.string(item.direction.rawValue)
                        if let m = item.method { w.key(literal: "method"); w.string(m) }
                        w.key(literal: "name"); w.string(item.name)
                        w.key(literal: "number"); w.int(item.number)
                        w.key(literal: "rates"); Self.values(item.rates, &w)
                        w.key(literal: "targets"); Self.values(item.targets, &w)
                        w.key(literal: "unit"); w.string(item.unit)
                    }
                }
                w.key(literal: "years"); w.array(indicators.years) { w, y in w.int(y) }
            }
            if let last = lastYear {
                w.key(literal: "lastYear")
                w.object { w in
                    w.key(literal: "budget")
                    if let b = last.budget {
                        w.object { w in
                            w.key(literal: "fiscalYear"); w.int(b.fiscalYear)
                            w.key(literal: "kind"); w.string(b.kind.rawValue)
                        }
                    } else {
                        w.null()
                    }
                    w.key(literal: "budgetAmounts")
                    w.array(last.budgetAmounts) { w, a in
                        w.object { w in
                            w.key(literal: "amount"); w.optional(a.amount)
                            w.key(literal: "code"); w.string(a.code)
                        }
                    }
                    w.key(literal: "fiscalYear"); w.int(last.fiscalYear)
                    w.key(literal: "rating"); w.string(last.rating.rawValue)
                    w.key(literal: "reason"); w.string(last.reason)
                }
            }
            w.key(literal: "organization")
            w.object { w in
                w.key(literal: "department"); w.string(organization.department)
                w.key(literal: "person"); w.string(organization.person)
                w.key(literal: "phoneExtension"); w.string(organization.phoneExtension)
                w.key(literal: "relatedSections"); w.array(organization.relatedSections) { w, s in w.string(s) }
                w.key(literal: "section"); w.string(organization.section)
                w.key(literal: "subsection"); w.string(organization.subsection)
                w.key(literal: "title"); w.string(organization.title)
            }
            w.key(literal: "policy"); Self.coded(policy, &w)
            w.key(literal: "projects")
            w.object { w in
                w.key(literal: "columns")
                w.array(projects.columns) { w, c in
                    w.object { w in
                        w.key(literal: "fiscalYear"); w.int(c.fiscalYear)
                        w.key(literal: "kind"); w.string(c.kind.rawValue)
                    }
                }
                w.key(literal: "rows")
                w.array(projects.rows) { w, p in
                    w.object { w in
                        w.key(literal: "amounts"); w.array(p.amounts) { w, a in w.optional(a) }
                        w.key(literal: "code"); w.string(p.code)
                        w.key(literal: "directions"); w.array(p.directions) { w, d in w.int(d) }
                        w.key(literal: "inExecutionPlan"); w.bool(p.inExecutionPlan)
                        w.key(literal: "name"); w.string(p.name)
                        w.key(literal: "section"); w.string(p.section)
                    }
                }
                w.key(literal: "totals"); w.array(projects.totals) { w, t in w.optional(t) }
            }
            w.key(literal: "schemaVersion"); w.int(schemaVersion)
            w.key(literal: "vision"); Self.coded(vision, &w)
        }
    }

    private static func coded(_ c: CodedName, _ w: inout JSONTextWriter) {
        w.object { w in
            w.key(literal: "code"); w.string(c.code)
            w.key(literal: "name"); w.string(c.name)
        }
    }

    private static func values(_ values: [IndicatorValue], _ w: inout JSONTextWriter) {
        w.array(values) { w, v in
            if case .blank = v { w.null() } else { w.string(v.text) }
        }
    }
}
