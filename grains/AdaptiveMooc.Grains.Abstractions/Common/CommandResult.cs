namespace AdaptiveMooc.Grains.Abstractions.Common;

/// <summary>Outcome of a grain command. <see cref="Field"/> names the offending input when there is one.</summary>
[GenerateSerializer]
[Alias("mooc.CommandResult")]
public sealed record CommandResult(
    [property: Id(0)] CommandStatus Status,
    [property: Id(1)] string? Field = null,
    [property: Id(2)] string? Detail = null)
{
    public static CommandResult Ok { get; } = new(CommandStatus.Ok);

    public static CommandResult Created { get; } = new(CommandStatus.Created);

    public bool Succeeded => Status is CommandStatus.Ok or CommandStatus.Created;

    public static CommandResult NotFound(string detail) => new(CommandStatus.NotFound, null, detail);

    public static CommandResult Conflict(string detail, string? field = null) => new(CommandStatus.Conflict, field, detail);

    public static CommandResult Invalid(string field, string detail) => new(CommandStatus.Invalid, field, detail);
}
