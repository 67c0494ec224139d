namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// Maps activity ids that are not the platform's own (<see cref="PlatformActivity"/>) to a course, lesson or
/// item, e.g. the activity ids a cmi5 package declares for a lesson. Register implementations with
/// <c>services.AddSingleton&lt;IXapiActivityMap, ...&gt;()</c>; <see cref="XapiInterpreter"/> asks each in turn.
/// </summary>
internal interface IXapiActivityMap
{
    /// <summary>The platform activity this id stands for, or null when this map does not know it.</summary>
    ValueTask<PlatformActivity?> MapAsync(string activityId, CancellationToken cancellationToken);
}
