using System.Text.Json;
using Microsoft.ML;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// A trained next-lesson ranking model. Thread-safe to share; scoring goes through a
/// <see cref="RankingScorer"/> from <see cref="CreateScorer"/>, one per grain activation or thread.
/// </summary>
public sealed class RankingModel
{
    /// <summary>File of the ML.NET model inside a models folder.</summary>
    public const string ModelFileName = "next-lesson.zip";

    /// <summary>File with the model version and feature names, checked on load.</summary>
    public const string ManifestFileName = "next-lesson.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;

    internal RankingModel(MLContext ml, ITransformer transformer, string version)
    {
        _ml = ml;
        _transformer = transformer;
        Version = version;
    }

    /// <summary>Identifies the model (answered as <c>modelVersion</c> by the recommendations endpoint).</summary>
    public string Version { get; }

    public RankingScorer CreateScorer() =>
        new(_ml.Model.CreatePredictionEngine<RankingInput, RankingScore>(_transformer));

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<RankingInput>()).Schema;
        _ml.Model.Save(_transformer, schema, Path.Combine(directory, ModelFileName));
        var manifest = new RankingManifest(Version, [.. RankingFeatures.Names]);
        File.WriteAllText(Path.Combine(directory, ManifestFileName), JsonSerializer.Serialize(manifest, Json));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>; refuses one built on other features.</summary>
    public static RankingModel Load(string directory, int seed = 42)
    {
        var manifestPath = Path.Combine(directory, ManifestFileName);
        var manifest = JsonSerializer.Deserialize<RankingManifest>(File.ReadAllText(manifestPath), Json)
            ?? throw new InvalidDataException($"{manifestPath} is empty");
        if (!manifest.Features.SequenceEqual(RankingFeatures.Names))
        {
            throw new InvalidDataException(
                $"{manifestPath} was trained on other features than this build computes; retrain it with 'mooc ml train'");
        }

        var ml = new MLContext(seed: seed);
        var transformer = ml.Model.Load(Path.Combine(directory, ModelFileName), out _);
        return new RankingModel(ml, transformer, manifest.Version);
    }

    private sealed record RankingManifest(string Version, IReadOnlyList<string> Features);
}
