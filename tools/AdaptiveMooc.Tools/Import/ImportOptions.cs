namespace AdaptiveMooc.Tools.Import;

/// <summary>Options of <c>import oulad</c> (see <see cref="OuladImportCommand"/>).</summary>
internal sealed record ImportOptions(
    string Directory,
    string Presentation,
    Uri Api,
    string ApiKey,
    string PublicBase,
    int BatchSize = 250,
    int Concurrency = 4,
    int CutoffDay = 28,
    bool Validate = true,
    string? LearnerPassword = null,
    TimeSpan? AnalyticsWait = null,
    string? Owner = null,
    string? OwnerPassword = null);
