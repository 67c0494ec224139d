namespace AdaptiveMooc.Grains.Abstractions.Common;

/// <summary>How a grain command ended; the API maps it to an HTTP status.</summary>
[GenerateSerializer]
[Alias("mooc.CommandStatus")]
public enum CommandStatus
{
    Ok = 0,
    Created = 1,
    NotFound = 2,
    Conflict = 3,
    Invalid = 4,
    Forbidden = 5,
}
