using System.Collections.Concurrent;
using System.Text.Json;
using AdaptiveMooc.ML.Training;
using Microsoft.ML;

namespace AdaptiveMooc.ML.Risk;

/// <summary>
/// Dropout / at-risk model: LightGBM on <see cref="RiskFeatures"/>, Platt-calibrated, with ML.NET
/// feature contributions appended so every score carries its reasons. Thread-safe: prediction
/// engines (not thread-safe themselves) are pooled.
/// </summary>
public sealed class RiskModel
{
    public const int DefaultSeed = 20240601;

    /// <summary>
    /// Training snapshots are taken at the cut-off and at ±7 and ±14 days around it: more examples of
    /// the same learners at nearby stages, which measurably generalises better to unseen courses
    /// (day is a feature). Only training presentations are snapshotted this way.
    /// </summary>
    public static IReadOnlyList<int> TrainingDaysAround(int cutoff) =>
        [.. new[] { cutoff - 14, cutoff - 7, cutoff, cutoff + 7, cutoff + 14 }.Where(d => d > 0)];

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ConcurrentBag<PredictionEngine<FeatureRow, BinaryOutput>> _engines = [];

    private RiskModel(MLContext ml, ITransformer model, RiskModelInfo info)
    {
        _ml = ml;
        _model = model;
        Info = info;
    }

    public RiskModelInfo Info { get; }

    /// <summary>Trains on full feature vectors (<see cref="RiskFeatures.Complete"/>) and labels.</summary>
    public static RiskModel Train(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, RiskModelInfo info, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(info);
        var ml = new MLContext(seed);
        var data = FeatureRow.Load(ml, RiskFeatures.WithUndeclaredStudyHours(features).Select((f, i) => new FeatureRow { Features = f, Label = labels[i] }), RiskFeatures.Count);
        // Small trees: risk training sets are a few thousand registrations of a handful of courses, and
        // what must transfer to unseen courses is the broad shape, not course-specific thresholds.
        var model = Gbm.Binary(ml, seed, iterations: 200, leaves: 7, minimumLeaf: 100).Fit(data);
        var contributions = ml.Transforms.CalculateFeatureContribution(model, numberOfPositiveContributions: RiskFeatures.Count, numberOfNegativeContributions: 0, normalize: false)
            .Fit(model.Transform(data));
        return new RiskModel(ml, model.Append(contributions), info with { TrainedOn = features.Count });
    }

    public static string ModelPath(string directory, string name) => Path.Combine(directory, name + ".zip");

    public static RiskModel Load(string directory, string name = "risk")
    {
        var ml = new MLContext(DefaultSeed);
        var model = ml.Model.Load(ModelPath(directory, name), out _);
        var info = JsonSerializer.Deserialize<RiskModelInfo>(File.ReadAllText(Path.Combine(directory, name + ".json")), ModelJson.Options)
            ?? throw new InvalidDataException($"{name}.json is empty");
        if (info.FeatureNames.Count != RiskFeatures.Count || !info.FeatureNames.SequenceEqual(RiskFeatures.Names))
        {
            throw new InvalidDataException($"{name}.zip was trained on other features; retrain it (./mooc ml train)");
        }

        return new RiskModel(ml, model, info);
    }

    public void Save(string directory, string name = "risk")
    {
        Directory.CreateDirectory(directory);
        _ml.Model.Save(_model, null, ModelPath(directory, name));
        File.WriteAllText(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(Info, ModelJson.Options));
    }

    /// <summary>Probability of the target and the top <paramref name="reasons"/> reasons pushing it up.</summary>
    public RiskScore Score(float[] features, int reasons = 3)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != RiskFeatures.Count)
        {
            throw new ArgumentException($"expected {RiskFeatures.Count} features, got {features.Length}", nameof(features));
        }

        var engine = Rent();
        try
        {
            var output = engine.Predict(new FeatureRow { Features = features });
            return new RiskScore(output.Probability, RiskReasons.Top(features, output.FeatureContributions, reasons));
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private PredictionEngine<FeatureRow, BinaryOutput> Rent() =>
        _engines.TryTake(out var engine)
            ? engine
            : _ml.Model.CreatePredictionEngine<FeatureRow, BinaryOutput>(_model, inputSchemaDefinition: FeatureRow.Schema(RiskFeatures.Count));
}
