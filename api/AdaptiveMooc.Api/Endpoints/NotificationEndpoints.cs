using System.Globalization;
using System.Text;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

public static class NotificationEndpoints
{
    public const int DefaultLimit = 50;

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/api/learners").WithTags("Notifications");
        group.MapGet("/{learnerId}/notifications", List).WithName("ListNotifications");
        return routes;
    }

    private static async Task<Results<Ok<Page<LearnerNotification>>, ProblemHttpResult>> List(
        string learnerId, string? limit, string? after, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        var count = DefaultLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > INotificationInboxGrain.Capacity))
        {
            return Problems.BadRequest($"limit must be an integer from 1 to {INotificationInboxGrain.Capacity}.", "limit");
        }

        long? before = null;
        if (after is not null)
        {
            if (Decode(after) is not { } sequence)
            {
                return Problems.BadRequest("after must be a cursor from a previous page's next.", "after");
            }

            before = sequence;
        }

        if (!Ids.IsValid(learnerId))
        {
            return Problems.NotFound($"Learner '{learnerId}' does not exist.");
        }

        var items = await cluster.ByKey<INotificationInboxGrain>(learnerId).List(count + 1, before);
        var page = items.Take(count).ToList();
        var next = items.Count > count ? Encode(page[^1].Sequence) : null;
        return TypedResults.Ok(new Page<LearnerNotification>(page, next));
    }

    private static string Encode(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("n:" + sequence.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static long? Decode(string cursor)
    {
        try
        {
            var padded = cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("n:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? sequence
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
