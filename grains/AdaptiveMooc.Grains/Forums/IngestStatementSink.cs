using AdaptiveMooc.Grains.Abstractions.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Certificates;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Forums;

/// <summary>
/// Sends social statements through <see cref="IStatementIngestGrain"/>, the one path statements take
/// into the store, so they count for analytics and models like any other. The JSON is built the same
/// way every time from the same inputs, so a re-emitted statement is recognised as the same one.
/// </summary>
internal sealed class IngestStatementSink(IGrainFactory grains, IOptions<CertificateOptions> options) : ILearningStatementSink
{
    public async Task EmitAsync(LearningStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var activityId = $"{baseUrl}/{statement.ActivityPath}";
        var timestamp = statement.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var json = new JsonObject
        {
            ["id"] = statement.Id.ToString("D"),
            ["actor"] = new JsonObject
            {
                ["objectType"] = "Agent",
                ["account"] = new JsonObject { ["homePage"] = baseUrl, ["name"] = statement.LearnerId },
            },
            ["verb"] = new JsonObject
            {
                ["id"] = statement.Verb,
                ["display"] = new JsonObject { ["en-US"] = statement.Verb[(statement.Verb.LastIndexOf('/') + 1)..] },
            },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = activityId,
                ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = statement.ActivityName } },
            },
            ["timestamp"] = timestamp,
        }.ToJsonString();
        var record = new StatementRecord(
            statement.Id,
            statement.LearnerId,
            statement.Verb,
            activityId,
            DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture),
            json,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            statement.CourseId,
            LessonId: null,
            ItemId: null,
            Success: null,
            Completion: null,
            ScoreScaled: null,
            Duration: null);
        var result = await grains.ByKey<IStatementIngestGrain>(0).Ingest([record]);
        if (result.Status == IngestStatus.Conflict)
        {
            throw new InvalidOperationException($"Statement {statement.Id} already exists with other content.");
        }
    }
}
