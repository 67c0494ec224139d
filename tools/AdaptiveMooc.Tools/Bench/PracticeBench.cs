using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.KnowledgeTracing;
using AdaptiveMooc.ML.Practice;

namespace AdaptiveMooc.Tools.Bench;

/// <summary>
/// <c>bench practice [--assistments DIR] [--learners N] [--seed N] [--threshold P] [--max-items N]</c>:
/// fits per-skill BKT with item-level guess and slip (<see cref="PracticeModelFit"/>) on the real
/// ASSISTments 2009 answers (the five <c>akt_pid</c> chunks and the always-train record, consecutive rows
/// of one problem merged as knowledge tracing reads them), then simulates learners drawn from those
/// parameters practising under the adaptive policy, a fixed order and a random order, side by side in
/// one run (<see cref="PracticeSimulator"/>).
/// </summary>
internal static class PracticeBench
{
    private const string Usage = "usage: bench practice [--assistments DIR] [--learners N] [--seed N] [--threshold P] [--max-items N] [--band LOW,HIGH,TARGET] [--holdout] [--no-learning-rates]";

    public static Task<int> RunAsync(string[] args)
    {
        var directory = Environment.GetEnvironmentVariable("MOOC_DATASETS") is { Length: > 0 } datasets
            ? Path.Combine(datasets, "assistments2009")
            : Path.Combine("..", "shared", "datasets", "assistments2009");
        var options = new PracticeSimulationOptions();
        var holdout = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--assistments" when value is not null: directory = value; i++; break;
                case "--learners" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0: options = options with { Learners = n }; i++; break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s): options = options with { Seed = s }; i++; break;
                case "--threshold" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0 and < 1: options = options with { MasteryThreshold = t }; i++; break;
                case "--band" when value?.Split(',') is [var lo, var hi, var ta]
                    && double.TryParse(lo, NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
                    && double.TryParse(hi, NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
                    && double.TryParse(ta, NumberStyles.Float, CultureInfo.InvariantCulture, out var target)
                    && new PracticeBand(low, high, target).Problem() is null:
                    options = options with { Band = new PracticeBand(low, high, target) };
                    i++;
                    break;
                case "--holdout": holdout = true; break;
                case "--no-learning-rates": options = options with { UseLearningRates = false }; break;
                case "--max-items" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0: options = options with { MaxItems = m }; i++; break;
                default:
                    Console.Error.WriteLine($"bench practice: unknown or incomplete option '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return Task.FromResult(2);
            }
        }

        var folder = Path.Combine(directory, "akt_pid");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"bench practice: no akt_pid/*.csv under {directory} (give --assistments DIR)");
            return Task.FromResult(2);
        }

        var clock = Stopwatch.StartNew();
        var events = KtDatasetAdapter.ReadEvents(files, KtFormat.Akt).ToList();
        var skills = holdout ? HeldOut(events) : PracticeModelFit.Fit(events);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var items = skills.Sum(s => s.Items.Count);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fitted {skills.Count} skills with {items} items (≥ 20 answers each) on {events.Count} answers of {events.Select(e => e.LearnerId).Distinct().Count()} learners in {fitSeconds:F1}s"));
        foreach (var q in skills.SelectMany(s => s.Items.Select(i => (i, s))).GroupBy(p => (int)Math.Min(4, p.i.PCorrect(p.s.Init) * 5)).OrderBy(g => g.Key))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P(correct) at init in [{q.Key / 5.0:F1},{(q.Key + 1) / 5.0:F1}): {q.Count()} items, mean learn {q.Average(p => p.i.Learn):F3} vs skill {q.Average(p => p.s.Learn):F3}, discrimination {q.Average(p => 1 - p.i.Slip - p.i.Guess):F3}"));
        }

        clock.Restart();
        var results = PracticeSimulator.Run(skills, options);
        var simulateSeconds = clock.Elapsed.TotalSeconds;
        var random = results.Single(r => r.Order == PracticeOrder.Random);
        var adaptive = results.Single(r => r.Order == PracticeOrder.Adaptive);
        var band = options.Band ?? PracticeBand.Default;

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Learners} simulated learners, mastery = tracked P(known) ≥ {options.MasteryThreshold}, cap {options.MaxItems} items, band P(correct) {band.Low}–{band.High}"));
        Console.Out.WriteLine($"{"order",-9} {"mean",6} {"median",6} {"p90",5} {"≤" + options.Within,6} {"ever",6} {"known",6} {"outside",8} {"avoidable",9} {"far",6} {"kept far",8}");
        foreach (var r in results)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Order,-9} {r.MeanItems,6:F2} {r.MedianItems,6:F0} {r.P90Items,5:F0} {r.MasteredWithin,6:P1} {r.MasteredAtAll,6:P1} {r.TrulyKnownAtMastery,6:P1} {r.PicksOutsideBand,8:P1} {r.OutsideWhenReachable,9:P1} {r.PicksFar,6:P1} {r.LearnersKeptFar,8:P1}"));
        }

        var ratio = adaptive.MeanItems / random.MeanItems;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"adaptive needs {ratio:P1} of the items random needs (aim ≤ 70 %); fit {fitSeconds:F1}s, simulation {simulateSeconds:F1}s"));
        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "practice",
            learners = options.Learners,
            seed = options.Seed,
            holdout,
            learningRates = options.UseLearningRates,
            threshold = options.MasteryThreshold,
            maxItems = options.MaxItems,
            band = new { low = band.Low, high = band.High, target = band.Target },
            skills = skills.Count,
            items,
            answers = events.Count,
            adaptiveOverRandom = Math.Round(ratio, 4),

            // The contract's names (docs/API.md): mean items to mastery per order, their ratio and the
            // adaptive share of learners reaching mastery within the item budget.
            adaptiveItems = Math.Round(adaptive.MeanItems, 3),
            randomItems = Math.Round(random.MeanItems, 3),
            fixedItems = Math.Round(results.Single(r => r.Order == PracticeOrder.Fixed).MeanItems, 3),
            ratioToRandom = Math.Round(ratio, 4),
            reachedWithin30 = Math.Round(adaptive.MasteredWithin, 4),
            results = results.Select(r => new
            {
                order = r.Order.ToString().ToLowerInvariant(),
                meanItems = Math.Round(r.MeanItems, 3),
                medianItems = r.MedianItems,
                p90Items = r.P90Items,
                masteredWithin = Math.Round(r.MasteredWithin, 4),
                masteredAtAll = Math.Round(r.MasteredAtAll, 4),
                trulyKnownAtMastery = Math.Round(r.TrulyKnownAtMastery, 4),
                picksOutsideBand = Math.Round(r.PicksOutsideBand, 4),
                picksFar = Math.Round(r.PicksFar, 4),
                outsideWhenReachable = Math.Round(r.OutsideWhenReachable, 4),
                learnersKeptFar = Math.Round(r.LearnersKeptFar, 4),
            }),
            fitSeconds = Math.Round(fitSeconds, 1),
            simulateSeconds = Math.Round(simulateSeconds, 1),
        }));
        return Task.FromResult(0);
    }

    /// <summary>
    /// The simulated learners' rates fitted on half the learners (odd FNV-1a hash of the id), the tutor's estimates on the
    /// other half: the policy and the mastery estimate never see the answers that define the learners they teach, so a
    /// policy cannot profit from the fit's noise. Items the tutor's half never answered get its skill's mean rates; skills
    /// it never saw are left out.
    /// </summary>
    private static List<PracticeSkill> HeldOut(List<AdaptiveMooc.ML.Events.LearningEvent> events)
    {
        var truth = PracticeModelFit.Fit(events.Where(e => Half(e.LearnerId) == 1));
        var tutor = PracticeModelFit.Fit(events.Where(e => Half(e.LearnerId) == 0), minItemAnswers: 1, minItems: 1)
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        var skills = new List<PracticeSkill>();
        foreach (var skill in truth)
        {
            if (!tutor.TryGetValue(skill.Id, out var estimate) || estimate.Items.Count == 0)
            {
                continue;
            }

            var byId = estimate.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
            var mean = new PracticeItem("mean", estimate.Items.Average(i => i.Guess), estimate.Items.Average(i => i.Slip), estimate.Items.Average(i => i.Learn), 0);
            var items = skill.Items.Select(i => byId.TryGetValue(i.Id, out var e) ? e : mean with { Id = i.Id }).ToList();
            skills.Add(skill with { Tutor = new PracticeTutorView(estimate.Init, items) });
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held out: learners' rates from one half of the learners ({truth.Count} skills), the tutor's from the other; {skills.Count} skills in both"));
        return skills;
    }

    private static int Half(string learnerId)
    {
        var hash = 2166136261u;
        foreach (var c in learnerId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 1);
    }
}
