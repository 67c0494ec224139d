using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Api.Xapi.Documents;

/// <summary>
/// The canonical definitions the platform knows (the Activities resource): a platform lesson's or item's
/// name and type from the course definition. Other activities have none here and are answered with their id.
/// </summary>
internal static class XapiActivities
{
    public const string LessonType = "http://adlnet.gov/expapi/activities/lesson";
    public const string InteractionType = "http://adlnet.gov/expapi/activities/cmi.interaction";

    public static async Task<JsonObject?> DefinitionAsync(IClusterClient cluster, string platformBase, string activityId)
    {
        if (PlatformActivity.Parse(platformBase, activityId) is not { LessonId: { } lessonId } activity
            || await cluster.ByKey<ICourseGrain>(activity.CourseId).Get() is not { } course
            || course.Definition.AllLessons().FirstOrDefault(l => l.Id == lessonId) is not { } lesson)
        {
            return null;
        }

        if (activity.ItemId is { } itemId)
        {
            return lesson.Items?.Any(i => i.Id == itemId) == true
                ? new JsonObject { ["name"] = new JsonObject { ["en-US"] = $"{lesson.Title}, item {itemId}" }, ["type"] = InteractionType }
                : null;
        }

        return new JsonObject { ["name"] = new JsonObject { ["en-US"] = lesson.Title }, ["type"] = LessonType };
    }
}
