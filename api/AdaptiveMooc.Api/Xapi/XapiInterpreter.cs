using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// Decides which stored statements the platform interprets (docs/XAPI.md, "Interpretation"): the actor is a
/// registered learner named by a platform account (<c>homePage</c> = the public base URL, <c>name</c> = learner
/// id) or by an <c>mbox</c> equal to a learner's verified e-mail; the object is a platform activity
/// (<see cref="PlatformActivity"/>) or one a registered <see cref="IXapiActivityMap"/> knows. Statements whose
/// actor is no learner are plain LRS data (learner id empty); a learner's statement about an unknown activity
/// is stored with the learner and changes nothing.
/// </summary>
internal sealed class XapiInterpreter(IClusterClient cluster, IOptions<XapiOptions> options, IEnumerable<IXapiActivityMap> maps)
{
    public async Task<IReadOnlyList<ParsedStatement>> InterpretAsync(IReadOnlyList<ParsedStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var byMbox = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var registered = new Dictionary<string, bool>(StringComparer.Ordinal);
        var interpreted = new List<ParsedStatement>(statements.Count);
        foreach (var statement in statements)
        {
            var learnerId = statement.Record.LearnerId;
            if (learnerId.Length > 0)
            {
                if (!registered.TryGetValue(learnerId, out var known))
                {
                    registered[learnerId] = known = await cluster.ByKey<ILearnerGrain>(learnerId).GetAccount() is not null;
                }

                learnerId = known ? learnerId : string.Empty;
            }
            else if (statement.Mbox is { } mbox)
            {
                if (!byMbox.TryGetValue(mbox, out var owner))
                {
                    byMbox[mbox] = owner = await VerifiedLearnerAsync(mbox);
                }

                learnerId = owner ?? string.Empty;
            }

            var activity = learnerId.Length > 0 && statement.Record.ActivityId.Length > 0
                ? await ActivityAsync(statement.Record.ActivityId, cancellationToken)
                : null;
            interpreted.Add(statement with
            {
                Record = statement.Record with
                {
                    LearnerId = learnerId,
                    CourseId = activity?.CourseId,
                    LessonId = activity?.LessonId,
                    ItemId = activity?.ItemId,
                },
            });
        }

        return interpreted;
    }

    private async Task<string?> VerifiedLearnerAsync(string email)
    {
        if (await cluster.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(email)).Resolve() is not { Kind: EmailOwner.Learner } owner)
        {
            return null;
        }

        return await cluster.ByKey<ILearnerGrain>(owner.Id).GetAccount() is { EmailVerified: true } account
            && IEmailIndexGrain.KeyOf(account.Email) == IEmailIndexGrain.KeyOf(email)
            ? owner.Id
            : null;
    }

    private async ValueTask<PlatformActivity?> ActivityAsync(string activityId, CancellationToken cancellationToken)
    {
        if (PlatformActivity.Parse(options.Value.Base, activityId) is { } platform)
        {
            return platform;
        }

        foreach (var map in maps)
        {
            if (await map.MapAsync(activityId, cancellationToken) is { } mapped)
            {
                return mapped;
            }
        }

        return null;
    }
}
