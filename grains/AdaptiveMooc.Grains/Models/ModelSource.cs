namespace AdaptiveMooc.Grains.Models;

/// <summary>A model the catalog knows: its files in the model folder and how to load it from a folder holding them.</summary>
/// <param name="Name">Model name as the status reports it.</param>
/// <param name="Required">Files that must all be present for the model to load; none present means the model is not shipped.</param>
/// <param name="Optional">Files loaded with the model when present.</param>
/// <param name="Load">Loads the model from a folder holding its files.</param>
internal sealed record ModelSource(string Name, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, Func<string, object> Load)
{
    public IEnumerable<string> Files => Required.Concat(Optional);
}
