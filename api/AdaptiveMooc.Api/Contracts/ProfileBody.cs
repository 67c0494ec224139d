namespace AdaptiveMooc.Api.Contracts;

public sealed record ProfileBody(string? Name);
