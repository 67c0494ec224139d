namespace AdaptiveMooc.Grains.Models;

/// <summary>Where the serving models live (section <c>Mooc:Models</c>).</summary>
public sealed class ModelCatalogOptions
{
    public const string Section = "Mooc:Models";

    /// <summary>The model folder (<c>ml-models/models</c>); unset or missing: cold-start priors serve.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// How often the folder is looked at. A change is loaded once the files stayed the same for one
    /// poll, so a model being written is never loaded half-written.
    /// </summary>
    public double PollSeconds { get; set; } = 10;
}
