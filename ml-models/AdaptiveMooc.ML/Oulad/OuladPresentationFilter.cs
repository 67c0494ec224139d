namespace AdaptiveMooc.ML.Oulad;

/// <summary>
/// Selects presentations: <c>2013J</c> is every module's 2013J presentation, <c>BBB-2013J</c> one of
/// them; a comma-separated list is the union.
/// </summary>
public sealed class OuladPresentationFilter
{
    private readonly List<(string? Module, string Presentation)> _terms = [];

    public OuladPresentationFilter(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var raw in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = raw.IndexOf('-', StringComparison.Ordinal);
            _terms.Add(dash < 0 ? (null, raw) : (raw[..dash], raw[(dash + 1)..]));
        }

        if (_terms.Count == 0)
        {
            throw new ArgumentException("empty presentation list", nameof(spec));
        }
    }

    public bool Matches(string module, string presentation) =>
        _terms.Exists(t =>
            t.Presentation.Equals(presentation, StringComparison.OrdinalIgnoreCase)
            && (t.Module is null || t.Module.Equals(module, StringComparison.OrdinalIgnoreCase)));

    public bool Matches(OuladPresentation presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        return Matches(presentation.Module, presentation.Presentation);
    }

    public override string ToString() =>
        string.Join(',', _terms.Select(t => t.Module is null ? t.Presentation : $"{t.Module}-{t.Presentation}"));
}
