namespace AdaptiveMooc.ML.Oulad;

/// <summary>A studentVle row: a student's clicks on one resource on one day.</summary>
public readonly record struct OuladClick(int StudentId, int SiteId, int Day, int Clicks);
