namespace AdaptiveMooc.Tools.Import;

/// <summary>A vle.csv row of one presentation: a VLE resource that becomes a lesson.</summary>
internal sealed record OuladResource(int SiteId, string ActivityType);
