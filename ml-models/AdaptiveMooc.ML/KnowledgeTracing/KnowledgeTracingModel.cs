using System.Collections.Concurrent;
using AdaptiveMooc.ML.Events;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// What serving needs to trace knowledge: the priors table (item/skill rates, BKT parameters) and,
/// when one was trained, the gradient-boosted classifier over <see cref="KtFeatures"/>. Without a
/// classifier (<see cref="ColdStart"/>, or a directory holding only the priors) predictions are BKT's.
/// Thread-safe: prediction engines are pooled, one per concurrent caller, never shared.
/// </summary>
public sealed class KnowledgeTracingModel
{
    public const string ClassifierFile = "kt-model.zip";
    public const string PriorsFile = "kt-priors.json";

    private readonly MLContext ml;
    private readonly ITransformer? classifier;
    private readonly ConcurrentBag<PredictionEngine<KtFeatureRow, KtPrediction>> engines = [];

    internal KnowledgeTracingModel(KtPriors priors, MLContext ml, ITransformer? classifier)
    {
        Priors = priors;
        this.ml = ml;
        this.classifier = classifier;
    }

    public KtPriors Priors { get; }

    /// <summary>False for the cold-start model, whose predictions come from BKT with default parameters.</summary>
    public bool HasClassifier => classifier is not null;

    /// <summary>
    /// The model used when no trained one is shipped: BKT with <see cref="BktParameters.Default"/> for
    /// every skill and no item table. Mastery starts at P(correct) = 0.55 and moves with each answer.
    /// </summary>
    public static KnowledgeTracingModel ColdStart() => new(KtPriors.ColdStart(), new MLContext(seed: 0), null);

    /// <summary>Loads <see cref="PriorsFile"/> and, if present, <see cref="ClassifierFile"/> from <paramref name="directory"/>.</summary>
    public static KnowledgeTracingModel Load(string directory)
    {
        var priorsPath = Path.Combine(directory, PriorsFile);
        if (!File.Exists(priorsPath)) throw new FileNotFoundException("knowledge-tracing priors not found", priorsPath);
        var priors = KtPriors.FromJson(File.ReadAllText(priorsPath));
        var ml = new MLContext(seed: 0);
        var modelPath = Path.Combine(directory, ClassifierFile);
        var classifier = File.Exists(modelPath) ? ml.Model.Load(modelPath, out _) : null;
        return new KnowledgeTracingModel(priors, ml, classifier);
    }

    /// <summary><see cref="Load"/> when <paramref name="directory"/> holds a model, else <see cref="ColdStart"/>.</summary>
    public static KnowledgeTracingModel LoadOrColdStart(string? directory) =>
        directory is not null && File.Exists(Path.Combine(directory, PriorsFile)) ? Load(directory) : ColdStart();

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, PriorsFile), Priors.ToJson());
        if (classifier is not null)
        {
            var schema = ml.Data.LoadFromEnumerable(Array.Empty<KtFeatureRow>()).Schema;
            ml.Model.Save(classifier, schema, Path.Combine(directory, ClassifierFile));
        }
    }

    /// <summary>Applies an event to a learner's state with this model's priors (call after predicting it).</summary>
    public void Apply(LearnerKnowledgeState state, LearningEvent evt)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Apply(evt, Priors);
    }

    /// <summary>Probability that the learner answers <paramref name="itemId"/> (or any item of the skills, when null) correctly now.</summary>
    public double PredictCorrect(LearnerKnowledgeState state, IReadOnlyList<string> skills, string? itemId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(skills);
        var features = KtFeatures.Compute(state, Priors, skills, itemId);
        if (classifier is null) return features[KtFeatureIndex.BktCorrect];
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<KtFeatureRow, KtPrediction>(classifier);
        }
        try
        {
            return engine.Predict(new KtFeatureRow { Features = features }).Probability;
        }
        finally
        {
            engines.Add(engine);
        }
    }

    /// <summary>
    /// Mastery per skill, defined as the probability of a correct answer on an unspecified item of
    /// that skill now. With the cold-start model this is BKT's P(correct).
    /// </summary>
    public IReadOnlyDictionary<string, double> MasteryBySkill(LearnerKnowledgeState state, IEnumerable<string> skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var skill in skills) result[skill] = PredictCorrect(state, [skill], null);
        return result;
    }

    internal double[] PredictBatch(IReadOnlyList<KtFeatureRow> rows)
    {
        if (classifier is null) return [.. rows.Select(r => (double)r.Features[KtFeatureIndex.BktCorrect])];
        var scored = classifier.Transform(ml.Data.LoadFromEnumerable(rows));
        return [.. scored.GetColumn<float>(nameof(KtPrediction.Probability)).Select(p => (double)p)];
    }
}
