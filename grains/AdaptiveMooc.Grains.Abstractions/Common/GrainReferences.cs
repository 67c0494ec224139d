using Orleans.Runtime;

namespace AdaptiveMooc.Grains.Abstractions.Common;

/// <summary>
/// String-keyed grain references for the hot paths (every statement, recommendation and request).
/// </summary>
/// <remarks>
/// <c>IGrainFactory.GetGrain&lt;T&gt;(string)</c> resolves the interface type from its attributes by
/// reflection on every call: about 3-5 % of the silo's and the API's CPU under load in a trace of
/// <c>./mooc bench ingest</c> and <c>bench recommend</c>. The grain and interface types of <typeparamref name="T"/> are
/// fixed once the assemblies are loaded, so the first reference of each interface resolves them and the
/// rest are built from the cached pair.
/// </remarks>
public static class GrainReferences
{
    public static T ByKey<T>(this IGrainFactory factory, string key)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (Types<T>.Resolved is { } types)
        {
            return (T)factory.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
        }

        var reference = factory.GetGrain<T>(key);
        Remember(reference);
        return reference;
    }

    public static T ByKey<T>(this IGrainFactory factory, long key)
        where T : IGrainWithIntegerKey
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (Types<T>.Resolved is { } types)
        {
            return (T)factory.GetGrain(GrainId.Create(types.Grain, GrainIdKeyExtensions.CreateIntegerKey(key)), types.Interface);
        }

        var reference = factory.GetGrain<T>(key);
        Remember(reference);
        return reference;
    }

    public static T ByKey<T>(this IGrainFactory factory, Guid key)
        where T : IGrainWithGuidKey
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (Types<T>.Resolved is { } types)
        {
            return (T)factory.GetGrain(GrainId.Create(types.Grain, GrainIdKeyExtensions.CreateGuidKey(key)), types.Interface);
        }

        var reference = factory.GetGrain<T>(key);
        Remember(reference);
        return reference;
    }

    private static void Remember<T>(T reference)
    {
        if (reference is GrainReference resolved)
        {
            Types<T>.Resolved = new ResolvedTypes(resolved.GrainId.Type, resolved.InterfaceType);
        }
    }

    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    // One slot per interface; a race only resolves the same pair twice.
    private static class Types<T>
    {
        public static ResolvedTypes? Resolved;
    }
}
