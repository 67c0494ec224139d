namespace AdaptiveMooc.Api.Contracts;

/// <summary>A weekly window as JSON: <c>{"day": "monday", "start": "19:00", "end": "21:00"}</c>, local time.</summary>
public sealed record WindowBody(string? Day, string? Start, string? End);
