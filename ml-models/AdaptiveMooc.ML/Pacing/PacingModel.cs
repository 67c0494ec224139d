using System.Collections.Concurrent;
using System.Text.Json;
using AdaptiveMooc.ML.Training;
using Microsoft.ML;

namespace AdaptiveMooc.ML.Pacing;

/// <summary>
/// Pacing: for a learner and an upcoming deadline, the probability of submitting late or not at all
/// (LightGBM binary) and the expected submission day relative to the deadline (LightGBM regression
/// on submitted pairs); and, for weekly plans, the minutes a lesson will take this learner.
/// Thread-safe (prediction engines are pooled).
/// </summary>
public sealed class PacingModel
{
    /// <summary>
    /// Pseudo-observations at factor 1 behind every learner's minutes factor: a learner needs a few
    /// timed lessons before the estimate moves far from the declared minutes.
    /// </summary>
    public const double DefaultMinutesPriorStrength = 3;

    /// <summary>Regression labels are clipped to ±this many days so a few abandoned pairs do not drag the mean.</summary>
    public const int LatenessClipDays = 30;

    private readonly MLContext _ml;
    private readonly ITransformer _late;
    private readonly ITransformer _days;
    private readonly ConcurrentBag<(PredictionEngine<FeatureRow, BinaryOutput> Late, PredictionEngine<FeatureRow, RegressionOutput> Days)> _engines = [];

    private PacingModel(MLContext ml, ITransformer late, ITransformer days, PacingModelInfo info)
    {
        _ml = ml;
        _late = late;
        _days = days;
        Info = info;
    }

    public PacingModelInfo Info { get; }

    public static PacingModel Train(IReadOnlyList<PacingExample> examples, string data, int seed = Risk.RiskModel.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var (priors, kinds, global) = Priors(examples);
        var info = new PacingModelInfo(data, priors, kinds, global, DefaultMinutesPriorStrength, examples.Count);
        var ml = new MLContext(seed);
        var learners = Risk.RiskFeatures.WithUndeclaredStudyHours([.. examples.Select(e => e.LearnerFeatures)]);
        var rows = examples.Select((e, i) => new FeatureRow
        {
            Features = PacingFeatures.Build(learners[i], e.Context, Prior(info, e.Context)),
            Label = e.LateOrMissing,
            Target = e.Lateness is { } l ? Math.Clamp(l, -LatenessClipDays, LatenessClipDays) : 0,
        }).ToList();
        var late = Gbm.Binary(ml, seed).Fit(FeatureRow.Load(ml, rows, PacingFeatures.Count));
        var submitted = rows.Where((_, i) => examples[i].Lateness is not null).ToList();
        var days = Gbm.Regression(ml, seed).Fit(FeatureRow.Load(ml, submitted, PacingFeatures.Count));
        return new PacingModel(ml, late, days, info);
    }

    /// <summary>The training prior of the same assessment, else of its kind, else of all pairs.</summary>
    public PacingPrior PriorFor(PacingContext context) => Prior(Info, context);

    public PacingPrediction Predict(float[] learnerFeatures, PacingContext context)
    {
        ArgumentNullException.ThrowIfNull(learnerFeatures);
        ArgumentNullException.ThrowIfNull(context);
        var row = new FeatureRow { Features = PacingFeatures.Build(learnerFeatures, context, PriorFor(context)) };
        (PredictionEngine<FeatureRow, BinaryOutput> Late, PredictionEngine<FeatureRow, RegressionOutput> Days) engines = _engines.TryTake(out var pooled)
            ? pooled
            : (_ml.Model.CreatePredictionEngine<FeatureRow, BinaryOutput>(_late, inputSchemaDefinition: FeatureRow.Schema(PacingFeatures.Count)),
               _ml.Model.CreatePredictionEngine<FeatureRow, RegressionOutput>(_days, inputSchemaDefinition: FeatureRow.Schema(PacingFeatures.Count)));
        try
        {
            return new PacingPrediction(engines.Late.Predict(row).Probability, engines.Days.Predict(row).Score);
        }
        finally
        {
            _engines.Add(engines);
        }
    }

    /// <summary>
    /// Minutes this learner will need for a lesson declared at <paramref name="declaredMinutes"/>:
    /// the declared minutes times the learner's factor, the geometric mean of reported/declared time
    /// shrunk towards 1 by <see cref="PacingModelInfo.MinutesPriorStrength"/> pseudo-observations.
    /// </summary>
    public double EstimateMinutes(LearnerPacingState state, double declaredMinutes) =>
        EstimateMinutes(state, declaredMinutes, Info.MinutesPriorStrength);

    public static double EstimateMinutes(LearnerPacingState state, double declaredMinutes, double priorStrength)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(declaredMinutes);
        return declaredMinutes * Math.Exp(state.LogRatioSum / (state.TimedLessons + priorStrength));
    }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        _ml.Model.Save(_late, null, Path.Combine(directory, "pacing-late.zip"));
        _ml.Model.Save(_days, null, Path.Combine(directory, "pacing-days.zip"));
        File.WriteAllText(Path.Combine(directory, "pacing.json"), JsonSerializer.Serialize(Info, ModelJson.Options));
    }

    public static PacingModel Load(string directory)
    {
        var ml = new MLContext(Risk.RiskModel.DefaultSeed);
        var info = JsonSerializer.Deserialize<PacingModelInfo>(File.ReadAllText(Path.Combine(directory, "pacing.json")), ModelJson.Options)
            ?? throw new InvalidDataException("pacing.json is empty");
        if (!info.FeatureNames.SequenceEqual(PacingFeatures.Names))
        {
            throw new InvalidDataException("pacing model was trained on other features; retrain it (./mooc ml train)");
        }

        return new PacingModel(
            ml,
            ml.Model.Load(Path.Combine(directory, "pacing-late.zip"), out _),
            ml.Model.Load(Path.Combine(directory, "pacing-days.zip"), out _),
            info);
    }

    private static PacingPrior Prior(PacingModelInfo info, PacingContext context) =>
        info.Priors.TryGetValue(context.PriorKey, out var same) ? same
        : info.KindPriors.TryGetValue(context.Kind, out var kind) ? kind
        : info.Global;

    private static (Dictionary<string, PacingPrior>, Dictionary<string, PacingPrior>, PacingPrior) Priors(IReadOnlyList<PacingExample> examples)
    {
        static PacingPrior Of(IEnumerable<PacingExample> group)
        {
            var list = group.ToList();
            var submitted = list.Where(e => e.Lateness is not null).Select(e => (double)e.Lateness!.Value).ToList();
            return new PacingPrior(
                submitted.Count == 0 ? 0 : Math.Round(submitted.Average(), 4),
                list.Count == 0 ? 0 : Math.Round(list.Count(e => e.LateOrMissing) / (double)list.Count, 4),
                list.Count);
        }

        return (
            examples.GroupBy(e => e.Context.PriorKey).ToDictionary(g => g.Key, Of, StringComparer.Ordinal),
            examples.GroupBy(e => e.Context.Kind).ToDictionary(g => g.Key, Of, StringComparer.Ordinal),
            Of(examples));
    }
}
