namespace AdaptiveMooc.Grains.Abstractions;

/// <summary>Names of the Orleans providers every silo configures.</summary>
public static class StorageNames
{
    /// <summary>Grain state: PostgreSQL (ADO.NET) or memory with <c>Mooc:Storage=memory</c>.</summary>
    public const string Default = "Default";

    /// <summary>Stream subscriptions; Orleans looks this storage name up for every stream provider.</summary>
    public const string PubSub = "PubSubStore";

    /// <summary>The memory stream provider (social fan-out, notifications).</summary>
    public const string Streams = "Default";
}
