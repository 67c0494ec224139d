namespace AdaptiveMooc.Grains.Abstractions;

/// <summary>Names of the Orleans providers every silo configures.</summary>
public static class StorageNames
{
    public const string Default = "Default";
}
