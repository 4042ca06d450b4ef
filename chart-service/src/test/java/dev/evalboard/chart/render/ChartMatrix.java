package dev.evalboard.chart.render;

import dev.evalboard.contract.Openness;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated matrix of bar and scatter charts: every size of a grid from 240×180 to 1600×1000 (and the corners of
 * the allowed sizes, 200×150 to 4000×4000, for the smallest cases), 4 to 20 models,
 * long Latin names or names in CJK, Cyrillic, Arabic and emoji, both themes, with and without error bars. The data
 * are random (a fixed seed, so a failure can be reproduced) and rounded, so that ties occur.
 */
final class ChartMatrix {

    static final int[] WIDTHS = {240, 320, 480, 800, 1200, 1600};
    static final int[] HEIGHTS = {180, 240, 300, 500, 700, 1000};
    static final int[] MODEL_COUNTS = {4, 8, 12, 20};

    private static final List<String> LATIN = List.of("Nvidia-Nemotron-Ultra-253B", "Qwen-32B",
            "DeepSeek-R1-Distill-Qwen-32B", "AM-Distill-Qwen-72B", "Llama-3.1-405B-Instruct", "Phi-4",
            "Mistral-Large-2411", "Gemma-3-27B-it", "OpenThinker2-32B", "DASD-4B-Thinking", "GLM-4.5-Air",
            "Kimi-K2-Instruct", "QwQ-32B", "Skywork-OR1-32B", "Llama-3.3-Nemotron-Super-49B", "o3-mini",
            "Claude-3.7-Sonnet", "GPT-4.1", "Granite-3.3-8B-Instruct", "MiniMax-M1-80K");
    private static final List<String> OTHER_SCRIPTS = List.of("通义千问-72B", "ГигаЧат-Про-Макс", "نموذج-عربي-كبير-7B",
            "🚀-Rocket-8B", "クロード-ハイク", "文心一言-4.0-Turbo", "ЯндексGPT-5-Лайт", "فالكون-180B", "🦙🦙-Llama",
            "盘古-Σ-超大规模模型-1T", "Сбер-Кандинский", "深度求索-R1-蒸馏-32B", "😀-Smiley-3B", "Ёлка-Ж-Щ-Ю",
            "جيس-30B-شات", "百川-13B", "Мистраль-Ш", "🌍🌏-Globe", "ハンガリー語-テスト-長い名前", "Ω-Модель");
    private static final List<String> BENCHMARKS = List.of("AIME 2024", "MATH-500", "GPQA Diamond", "LiveCodeBench",
            "ГПКА-Ru", "数学-竞赛", "HumanEval+", "MMLU-Pro");

    /** One chart of the matrix: its id names the case in a failure. */
    record Case(String id, BarChartSpec bar, ScatterChartSpec scatter) {
    }

    private ChartMatrix() {
    }

    static List<Case> cases() {
        Random random = new Random(20261129);
        List<Case> out = new ArrayList<>();
        int n = 0;
        for (int w : WIDTHS) {
            for (int h : HEIGHTS) {
                for (int models : MODEL_COUNTS) {
                    for (boolean otherScripts : new boolean[] {false, true}) {
                        Theme theme = n % 2 == 0 ? Theme.LIGHT : Theme.DARK;
                        boolean errorBars = (n / 2) % 2 == 0;
                        List<String> names = names(models, otherScripts, n);
                        String id = w + "x" + h + "-" + models + (otherScripts ? "-scripts" : "-latin") + "-"
                                + theme.name() + (errorBars ? "-errorbars" : "");
                        out.add(new Case("bar-" + id, bar(random, names, w, h, theme, errorBars), null));
                        out.add(new Case("scatter-" + id, null, scatter(random, names, w, h, theme, errorBars)));
                        n++;
                    }
                }
            }
        }
        return out;
    }

    /** The matrix's smallest cases at the corners of the allowed sizes: 200×150, 4000×4000 and the long thin ones. */
    static List<Case> extremeCases() {
        int[][] sizes = {{200, 150}, {200, 4000}, {4000, 150}, {4000, 4000}};
        List<Case> out = new ArrayList<>();
        for (Case c : cases()) {
            if (c.id().contains("-240x180-")) {
                for (int[] size : sizes) {
                    String id = c.id().replace("240x180", size[0] + "x" + size[1]);
                    out.add(new Case(id, c.bar() == null ? null : resized(c.bar(), size),
                            c.scatter() == null ? null : resized(c.scatter(), size)));
                }
            }
        }
        return out;
    }

    private static BarChartSpec resized(BarChartSpec s, int[] size) {
        return new BarChartSpec(s.title(), s.yTitle(), s.groups(), s.series(), s.highlight(), s.yMin(), s.yMax(),
                size[0], size[1], s.theme(), s.valueLabels(), s.errorBars());
    }

    private static ScatterChartSpec resized(ScatterChartSpec s, int[] size) {
        return new ScatterChartSpec(s.title(), s.xTitle(), s.yTitle(), s.points(), s.xStyle(), s.logX(), s.highlight(),
                s.highlightLabel(), s.frontier(), s.higherIsBetter(), s.frontierModels(), s.xMin(), s.xMax(), s.yMin(),
                s.yMax(), size[0], size[1], s.theme(), s.errorBars());
    }

    private static List<String> names(int count, boolean otherScripts, int rotate) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> pool = otherScripts && i % 3 != 2 ? OTHER_SCRIPTS : LATIN;
            names.add(pool.get((i + rotate) % pool.size()));
        }
        return names.stream().distinct().toList();
    }

    private static BarChartSpec bar(Random random, List<String> names, int w, int h, Theme theme, boolean errorBars) {
        int groups = 1 + random.nextInt(6);
        List<String> benchmarks = BENCHMARKS.subList(0, groups);
        List<BarSeries> series = new ArrayList<>();
        for (String name : names) {
            List<Double> values = new ArrayList<>();
            List<Double> stderrs = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                values.add(random.nextInt(10) == 0 ? null : 20 + random.nextInt(16) * 5 + (random.nextBoolean() ? 0.4 : 0));
                stderrs.add(random.nextInt(4) == 0 ? null : Math.round(random.nextDouble() * 30) / 10.0);
            }
            series.add(new BarSeries(name, values, stderrs));
        }
        return new BarChartSpec("Model Accuracy Comparison Across Datasets", "Accuracy (Pass@1)", benchmarks, series,
                Set.of(names.get(0)), random.nextBoolean() ? null : 0.0, null, w, h, theme, true, errorBars);
    }

    private static ScatterChartSpec scatter(Random random, List<String> names, int w, int h, Theme theme,
                                            boolean errorBars) {
        Openness[] openness = Openness.values();
        List<ScatterPoint> points = new ArrayList<>();
        for (String name : names) {
            double x = Math.pow(10, 9 + random.nextInt(25) / 8.0);
            double y = 20 + random.nextInt(30) * 2.5;
            points.add(new ScatterPoint(name, x, y, openness[random.nextInt(openness.length)],
                    random.nextInt(3) == 0 ? null : Math.round(random.nextDouble() * 40) / 10.0));
        }
        return new ScatterChartSpec("LiveCodeBench v5 Performance vs. Total Parameters", "Total Parameters",
                "LiveCodeBench v5 Pass@1 Score", points, NumberStyle.SI, true, Set.of(names.get(0)), "Our Model",
                true, true, null, null, null, null, null, w, h, theme, errorBars);
    }
}
