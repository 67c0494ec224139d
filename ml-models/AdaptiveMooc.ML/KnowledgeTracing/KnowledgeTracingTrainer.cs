using System.Diagnostics;
using AdaptiveMooc.ML.Evaluation;
using AdaptiveMooc.ML.Events;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// Fits the knowledge-tracing model from <see cref="LearningEvent"/>s: priors (item/skill rates, BKT
/// per skill by EM) from the training learners, then a LightGBM classifier on the features each
/// answer had before it was given. Only Answered events with an outcome count; each learner's events
/// are taken in timestamp order (stable for equal timestamps).
/// </summary>
public static class KnowledgeTracingTrainer
{
    public static KtTrainResult Train(IEnumerable<LearningEvent> events, KtTrainerOptions? options = null)
    {
        options ??= new KtTrainerOptions();
        var learners = GroupByLearner(events);
        KtMetrics? holdout = null;
        if (options.HoldoutFraction > 0)
        {
            var cut = (ulong)(options.HoldoutFraction * ulong.MaxValue);
            var train = learners.Where(l => StableHash(l.Id, options.Seed) >= cut).ToList();
            var test = learners.Where(l => StableHash(l.Id, options.Seed) < cut).ToList();
            if (train.Count > 0 && test.Count > 0)
            {
                holdout = Evaluate(train, test, options).Metrics;
            }
        }
        var all = Fit(learners, options, out var examples);
        return new KtTrainResult(all, holdout, examples, learners.Count);
    }

    /// <summary>Trains on <paramref name="train"/>'s learners and scores every answer but the first of each of <paramref name="test"/>'s.</summary>
    public static KtEvaluation Evaluate(IEnumerable<LearningEvent> train, IEnumerable<LearningEvent> test, KtTrainerOptions? options = null) =>
        Evaluate(GroupByLearner(train), GroupByLearner(test), options ?? new KtTrainerOptions());

    private static KtEvaluation Evaluate(List<LearnerSequence> train, List<LearnerSequence> test, KtTrainerOptions options)
    {
        var clock = Stopwatch.StartNew();
        var model = Fit(train, options, out var examples);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();

        var rows = BuildRows(test, model.Priors, outOfFold: false);
        var predicted = model.PredictBatch(rows);
        var bkt = rows.Select(r => (double)r.Features[KtFeatureIndex.BktCorrect]).ToArray();
        var labels = rows.Select(r => r.Label).ToArray();
        var metrics = new KtMetrics(
            BinaryMetrics.Auc(predicted, labels),
            BinaryMetrics.Rmse(predicted, labels),
            rows.Count,
            BinaryMetrics.Auc(bkt, labels),
            BinaryMetrics.Rmse(bkt, labels));
        options.Log?.Invoke($"scored {rows.Count} answers of {test.Count} learners in {clock.Elapsed.TotalSeconds:F1}s");
        return new KtEvaluation(model, metrics, examples, fitSeconds, clock.Elapsed.TotalSeconds);
    }

    private static KnowledgeTracingModel Fit(List<LearnerSequence> learners, KtTrainerOptions options, out int examples)
    {
        var clock = Stopwatch.StartNew();
        var priors = FitPriors(learners);
        options.Log?.Invoke($"priors: {priors.Items.Count} items, {priors.Skills.Count} skills, {priors.Attempts} answers; BKT fitted in {clock.Elapsed.TotalSeconds:F1}s");

        var rows = BuildRows(learners, priors, outOfFold: true);
        examples = rows.Count;
        var ml = new MLContext(seed: options.Seed);
        if (rows.Count == 0 || rows.All(r => r.Label) || rows.All(r => !r.Label))
        {
            options.Log?.Invoke("not enough varied answers for a classifier; the model is BKT only");
            return new KnowledgeTracingModel(priors, ml, null);
        }
        clock.Restart();
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(KtFeatureRow.Label),
            FeatureColumnName = nameof(KtFeatureRow.Features),
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            NumberOfThreads = 1,
            Seed = options.Seed,
            Silent = true,
            // Bagging half the rows per tree roughly halves training time on one thread.
            Booster = new GradientBooster.Options
            {
                SubsampleFraction = options.RowSubsample,
                SubsampleFrequency = options.RowSubsample < 1 ? 1 : 0,
                FeatureFraction = options.FeatureSubsample,
            },
        });
        var classifier = trainer.Fit(ml.Data.LoadFromEnumerable(rows));
        options.Log?.Invoke($"LightGBM on {rows.Count} examples x {KtFeatures.Count} features in {clock.Elapsed.TotalSeconds:F1}s");
        return new KnowledgeTracingModel(priors, ml, classifier);
    }

    internal static KtPriors FitPriors(IReadOnlyList<LearnerSequence> learners)
    {
        var priors = new KtPriors();
        var bySkill = new Dictionary<string, List<IReadOnlyList<bool>>>(StringComparer.Ordinal);
        foreach (var learner in learners)
        {
            var mine = new Dictionary<string, List<bool>>(StringComparer.Ordinal);
            KtInteraction? previous = null;
            foreach (var answer in learner.Answers)
            {
                if (previous is { } p)
                {
                    foreach (var before in p.Skills)
                    {
                        foreach (var skill in answer.Skills)
                        {
                            var key = KtPriors.TransitionKey(before, p.Correct, skill);
                            if (!priors.Transitions.TryGetValue(key, out var transition))
                            {
                                transition = new KtCount();
                                priors.Transitions[key] = transition;
                            }
                            transition.Add(answer.Correct);
                        }
                    }
                }
                previous = answer;
                priors.Attempts++;
                if (answer.Correct) priors.Correct++;
                if (!priors.Items.TryGetValue(answer.Item, out var item))
                {
                    item = new KtCount();
                    priors.Items[answer.Item] = item;
                }
                item.Add(answer.Correct);
                foreach (var skill in answer.Skills)
                {
                    if (!priors.Skills.TryGetValue(skill, out var s))
                    {
                        s = new SkillPrior();
                        priors.Skills[skill] = s;
                    }
                    s.Attempts++;
                    if (answer.Correct) s.Correct++;
                    if (!mine.TryGetValue(skill, out var sequence))
                    {
                        sequence = [];
                        mine[skill] = sequence;
                    }
                    sequence.Add(answer.Correct);
                }
            }
            foreach (var (skill, sequence) in mine)
            {
                if (!bySkill.TryGetValue(skill, out var sequences))
                {
                    sequences = [];
                    bySkill[skill] = sequences;
                }
                sequences.Add(sequence);
            }
        }

        priors.FallbackBkt = BktFitter.Fit([.. bySkill.Values.SelectMany(s => s)]);
        foreach (var (skill, sequences) in bySkill)
        {
            priors.Skills[skill].Bkt = BktFitter.Fit(sequences, priors.FallbackBkt);
        }
        return priors;
    }

    /// <summary>Folds of the out-of-fold item/skill rates used for training rows.</summary>
    internal const int EncodingFolds = 5;

    /// <summary>
    /// One example per answer except each learner's first, with the features the state had before
    /// the answer. With <paramref name="outOfFold"/> the training learners are dealt into
    /// <see cref="EncodingFolds"/> folds and each fold's answers are removed from the item/skill rates
    /// its rows see, as a test learner's are.
    /// </summary>
    internal static List<KtFeatureRow> BuildRows(IReadOnlyList<LearnerSequence> learners, KtPriors priors, bool outOfFold)
    {
        HeldOutCounts[]? folds = null;
        if (outOfFold)
        {
            folds = [.. Enumerable.Range(0, EncodingFolds).Select(_ => new HeldOutCounts())];
            for (var l = 0; l < learners.Count; l++)
            {
                var answers = learners[l].Answers;
                for (var i = 0; i < answers.Count; i++) folds[l % EncodingFolds].Add(i > 0 ? answers[i - 1] : null, answers[i]);
            }
        }
        var rows = new List<KtFeatureRow>();
        for (var l = 0; l < learners.Count; l++)
        {
            var learner = learners[l];
            var held = folds?[l % EncodingFolds];
            var state = new LearnerKnowledgeState();
            for (var i = 0; i < learner.Answers.Count; i++)
            {
                var answer = learner.Answers[i];
                if (i > 0)
                {
                    var row = new KtFeatureRow { Label = answer.Correct };
                    KtFeatures.Compute(state, priors, answer, held, row.Features);
                    rows.Add(row);
                }
                state.Apply(answer, priors, held);
            }
        }
        return rows;
    }

    internal static List<LearnerSequence> GroupByLearner(IEnumerable<LearningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var byLearner = new Dictionary<string, List<(DateTimeOffset At, KtInteraction Answer)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var evt in events)
        {
            if (!KtInteraction.IsAnswer(evt)) continue;
            if (!byLearner.TryGetValue(evt.LearnerId, out var list))
            {
                list = [];
                byLearner[evt.LearnerId] = list;
                order.Add(evt.LearnerId);
            }
            list.Add((evt.Timestamp, KtInteraction.From(evt)));
        }
        return [.. order.Select(id => new LearnerSequence(id, [.. byLearner[id].OrderBy(a => a.At).Select(a => a.Answer)]))];
    }

    // FNV-1a then a splitmix64 finaliser (FNV's high bits barely move between ids differing in their
    // last character); string.GetHashCode is randomised per process, and the hold-out must not be.
    private static ulong StableHash(string text, int seed)
    {
        var hash = 14695981039346656037UL ^ (ulong)seed;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }
}
