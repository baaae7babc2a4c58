package io.modelprint.lab.report;

import io.modelprint.io.AtomicFiles;
import io.modelprint.lab.eval.EvaluationPreset;
import io.modelprint.lab.eval.FamilyScore;
import io.modelprint.lab.eval.SchemeResult;
import io.modelprint.lab.zoo.Preset;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.ZooEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The scheme comparison in the report: a table per scheme x family (QuRD's form), the accuracy
 * range of each family, TPR at 5 % FPR against the query budget (figure + CSV), and every suspect's
 * similarity under every scheme (CSV).
 */
public final class SchemeReport {
    private SchemeReport() {}

    /** The results at the preset's main budget (one per scheme run of the table), bundles included. */
    static List<SchemeResult> main(List<SchemeResult> results, EvaluationPreset preset) {
        return results.stream().filter(r -> isMain(r, preset)).toList();
    }

    public static boolean isMain(SchemeResult r, EvaluationPreset preset) {
        return preset.schemeRuns().contains(r.run()) || r.run().scheme().startsWith("bundle:");
    }

    static String markdown(List<SchemeResult> results, EvaluationPreset preset, List<ZooEntry> suspects, double targetAccuracy) {
        // tampering schemes answer another question than derivation: their own table, not AUCs against negatives
        List<SchemeResult> main = main(results, preset).stream().filter(r -> !TamperingTable.isTampering(r)).toList();
        if (main.isEmpty()) {
            return TamperingTable.markdown(results, suspects);
        }
        Set<String> families = new LinkedHashSet<>();
        main.forEach(r -> r.families().forEach(f -> families.add(f.family())));
        StringBuilder md = new StringBuilder("## Schemes against every suspect family\n\n");
        md.append("AUC / TPR at 1 % FPR / TPR at 5 % FPR / TPR at zero false positives of each family of positives against the"
                + " negatives (QuRD's form, and the share of the family above every negative); access = what a suspect must give;"
                + " queries = asked of each suspect; seconds = to fingerprint the target.\n\n");
        List<String> columns = new ArrayList<>(List.of("scheme", "access", "queries", "seconds"));
        columns.addAll(families);
        columns.add("all positives");
        MarkdownTable.header(md, columns);
        for (SchemeResult r : main) {
            if (r.error() != null) {
                md.append("| ").append(label(r)).append(" | - | - | - |");
                families.forEach(f -> md.append(" - |"));
                md.append(" cannot fingerprint this target: ").append(r.error().replace('|', '/')).append(" |\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f |", label(r), r.access(), r.queries(), r.seconds()));
            for (String family : families) {
                FamilyScore f = r.families().stream().filter(x -> x.family().equals(family)).findFirst().orElse(null);
                md.append(' ').append(f == null ? "-" : cell(f)).append(" |");
            }
            md.append(' ').append(cell(r.allPositives())).append(" |\n");
        }
        md.append("\nBundles (`bundle:a+b+c`) are scored by each suspect's largest standardised member similarity, the"
                + " counterpart of verify's Bonferroni rule; their queries and seconds are the members' sums.\n");
        md.append(bundleReading(main));
        md.append("\nNegatives per scheme: ");
        List<String> notes = new ArrayList<>();
        for (SchemeResult r : main) {
            if (r.error() != null) {
                continue;
            }
            long otherTask = suspects.stream()
                    .filter(e -> r.skipped().containsKey(e.name()) && SuspectFamily.task(e) != null).count();
            long noAccess = r.skipped().size() - otherTask;
            List<String> why = new ArrayList<>();
            if (noAccess > 0) {
                why.add(noAccess + " suspects cannot give " + r.access());
            }
            if (otherTask > 0) {
                why.add(otherTask + " answer another task");
            }
            notes.add(String.format(Locale.ROOT, "%s %d%s", label(r), r.negatives(), why.isEmpty() ? "" : " (" + String.join(", ", why) + ")"));
        }
        md.append(String.join(", ", notes)).append(".\n\n");
        md.append(NegativeKindsTable.markdown(main, suspects));
        md.append(String.format(Locale.ROOT, "Accuracy per family (target %.4f): ", targetAccuracy));
        Map<String, double[]> ranges = accuracyRanges(suspects);
        List<String> parts = new ArrayList<>();
        ranges.forEach((family, range) -> parts.add(String.format(Locale.ROOT, "%s %.3f-%.3f", family, range[0], range[1])));
        md.append(String.join("; ", parts)).append(".\n\n");
        md.append(evasiveCosts(suspects, targetAccuracy));
        md.append("Similarity range of each family under each scheme: `scheme-similarities.csv`; TPR at 5 % FPR against the"
                + " query budget: `fig-tpr-vs-queries.png`, `scheme-budget.csv`.\n\n");
        md.append("![TPR at 5 % FPR against queries](fig-tpr-vs-queries.png)\n\n");
        md.append(TamperingTable.markdown(results, suspects));
        return md.toString();
    }

    /** Whether each bundle beats the best of its members, per family (TPR at 5 % FPR, then AUC). */
    static String bundleReading(List<SchemeResult> main) {
        StringBuilder md = new StringBuilder();
        for (SchemeResult bundle : main) {
            if (!bundle.run().scheme().startsWith("bundle:") || bundle.error() != null) {
                continue;
            }
            List<String> names = List.of(bundle.run().scheme().substring("bundle:".length()).split("\\+"));
            List<String> verdicts = new ArrayList<>();
            for (FamilyScore f : bundle.families()) {
                double best = Double.NEGATIVE_INFINITY;
                String bestName = "-";
                for (SchemeResult m : main) {
                    if (names.contains(m.run().scheme()) && m.error() == null) {
                        for (FamilyScore mf : m.families()) {
                            if (mf.family().equals(f.family()) && mf.tprAt5Fpr() + 1e-3 * mf.auc() > best) {
                                best = mf.tprAt5Fpr() + 1e-3 * mf.auc();
                                bestName = m.run().scheme();
                            }
                        }
                    }
                }
                double ours = f.tprAt5Fpr() + 1e-3 * f.auc();
                verdicts.add(String.format(Locale.ROOT, "%s %s (%.2f vs %s)", f.family(),
                        ours > best + 1e-9 ? "better" : ours < best - 1e-9 ? "worse" : "equal", f.tprAt5Fpr(), bestName));
            }
            md.append("- ").append(bundle.run().scheme()).append(" against its best member, TPR at 5 % FPR: ")
                    .append(String.join("; ", verdicts)).append(".\n");
        }
        return md.toString();
    }

    static String label(SchemeResult r) {
        return r.run().scheme() + (r.run().parameters().isEmpty() ? "" : " " + r.run().parameters());
    }

    private static String cell(FamilyScore f) {
        return Double.isNaN(f.auc()) ? "-"
                : String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f", f.auc(), f.tprAt1Fpr(), f.tprAt5Fpr(), f.tprAtZeroFpr());
    }

    /** What each evasive API costs the thief in test accuracy; more than 3 points is said. */
    static String evasiveCosts(List<ZooEntry> suspects, double targetAccuracy) {
        List<String> costs = new ArrayList<>();
        for (ZooEntry e : suspects) {
            if (e.kind().equals("EVASIVE")) {
                double cost = targetAccuracy - e.testAccuracy();
                costs.add(String.format(Locale.ROOT, "`%s` %.4f (%s%.1f points%s)", e.parameters().get("defense"), e.testAccuracy(),
                        cost >= 0 ? "-" : "+", 100 * Math.abs(cost), cost > Preset.MAX_ACCURACY_LOSS ? ", more than 3: costly" : ""));
            }
        }
        return costs.isEmpty() ? "" : "Evasive APIs (the target served behind each defense, over HTTP), test accuracy behind the defense: "
                + String.join("; ", costs) + ".\n\n";
    }

    static Map<String, double[]> accuracyRanges(List<ZooEntry> suspects) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (ZooEntry e : suspects) {
            String task = SuspectFamily.task(e);
            String label = SuspectFamily.of(e) + (task == null ? "" : " on " + task);
            double[] range = ranges.computeIfAbsent(label, f -> new double[] {1, 0});
            range[0] = Math.min(range[0], e.testAccuracy());
            range[1] = Math.max(range[1], e.testAccuracy());
        }
        return ranges;
    }

    static void write(List<SchemeResult> results, List<ZooEntry> suspects, Path out) {
        if (results.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder("scheme,params,n,queries,suspect,family,similarity\n");
        for (SchemeResult r : results) {
            for (ZooEntry s : suspects) {
                Double value = r.similarities().get(s.name());
                csv.append(String.join(",", r.run().scheme(), '"' + r.run().parameters().toString() + '"', String.valueOf(r.run().n()),
                        String.valueOf(r.queries()), s.name(), SuspectFamily.of(s), value == null ? "" : ReportWriter.num(value)))
                        .append('\n');
            }
        }
        AtomicFiles.writeString(out.resolve("scheme-similarities.csv"), csv.toString());
        StringBuilder budget = new StringBuilder("scheme,queries,family,auc,tpr_at_1pct_fpr,tpr_at_5pct_fpr,tpr_at_zero_fpr\n");
        XYChart chart = new XYChartBuilder().width(620).height(400).title("TPR at 5% FPR (all positives) vs queries per suspect")
                .xAxisTitle("queries per suspect").yAxisTitle("TPR at 5% FPR").build();
        Map<String, List<SchemeResult>> byScheme = new LinkedHashMap<>();
        for (SchemeResult r : results) {
            if (r.error() == null) {
                byScheme.computeIfAbsent(label(r), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<SchemeResult>> e : byScheme.entrySet()) {
            List<SchemeResult> points = new ArrayList<>(e.getValue());
            points.sort((a, b) -> Integer.compare(a.queries(), b.queries()));
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (SchemeResult r : points) {
                for (FamilyScore f : r.families()) {
                    budget.append(String.join(",", e.getKey().replace(',', ';'), String.valueOf(r.queries()), f.family(),
                            ReportWriter.num(f.auc()), ReportWriter.num(f.tprAt1Fpr()), ReportWriter.num(f.tprAt5Fpr()),
                            ReportWriter.num(f.tprAtZeroFpr()))).append('\n');
                }
                xs.add((double) r.queries());
                ys.add(Double.isNaN(r.allPositives().tprAt5Fpr()) ? 0 : r.allPositives().tprAt5Fpr());
            }
            if (xs.size() >= 2) {
                chart.addSeries(e.getKey(), xs, ys);
            }
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        AtomicFiles.writeString(out.resolve("scheme-budget.csv"), budget.toString());
        AtomicFiles.write(out.resolve("fig-tpr-vs-queries.png"), o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    }
}
