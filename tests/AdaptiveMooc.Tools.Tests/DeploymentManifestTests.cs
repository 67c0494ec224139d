using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AdaptiveMooc.Tools.Tests;

/// <summary>
/// deploy/k8s: every manifest parses and names its kind; kustomization.yaml lists every file; every configuration
/// key a container sets (environment variable, <c>__</c> for <c>:</c>) is one the application in that image reads
/// (a full key literal in its source, a property of an options class bound to a section, or a named connection
/// string); every ConfigMap key referred to exists; every Secret referred to is described in docs/OPERATIONS.md.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    /// <summary>Variables that are not the application's configuration: the host's, or Orleans' Kubernetes hosting's.</summary>
    private static readonly Dictionary<string, string[]> FrameworkVariables = new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_URLS"] = ["api", "web"],
        ["POD_NAME"] = ["silo"],
        ["POD_NAMESPACE"] = ["silo"],
        ["POD_IP"] = ["silo"],
        ["ORLEANS_SERVICE_ID"] = ["silo"],
        ["ORLEANS_CLUSTER_ID"] = ["silo"],
    };

    /// <summary>The source folders compiled into each image (deploy/docker/*.Dockerfile).</summary>
    private static readonly Dictionary<string, string[]> Sources = new(StringComparer.Ordinal)
    {
        ["silo"] = ["silo/AdaptiveMooc.Silo", "grains/AdaptiveMooc.Grains", "grains/AdaptiveMooc.Grains.Abstractions", "ml-models/AdaptiveMooc.ML"],
        ["api"] = ["api/AdaptiveMooc.Api", "grains/AdaptiveMooc.Grains.Abstractions"],
        ["web"] = ["web/AdaptiveMooc.Web"],
    };

    private static string Root => RepositoryRoot();

    private static string ManifestFolder => Path.Combine(Root, "deploy", "k8s");

    [Fact]
    public void Every_manifest_parses_and_the_kustomization_lists_them_all()
    {
        var files = Directory.GetFiles(ManifestFolder, "*.yaml").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("kustomization.yaml", files);
        var kustomization = Load("kustomization.yaml").Single();
        var listed = ((YamlSequenceNode)kustomization.Children[new YamlScalarNode("resources")]).Children.Select(n => ((YamlScalarNode)n).Value!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(files.Where(f => f != "kustomization.yaml").Order(), listed.Order());

        var kinds = new List<string>();
        foreach (var file in listed)
        {
            foreach (var document in Load(file))
            {
                Assert.False(string.IsNullOrWhiteSpace(Scalar(document, "apiVersion")), $"{file}: a document without apiVersion");
                var kind = Scalar(document, "kind");
                Assert.False(string.IsNullOrWhiteSpace(kind), $"{file}: a document without kind");
                Assert.False(string.IsNullOrWhiteSpace(Scalar(Map(document, "metadata")!, "name")), $"{file}: a {kind} without metadata.name");
                kinds.Add(kind!);
            }
        }

        // What the deployment promises (docs/OPERATIONS.md, "Deployment").
        foreach (var kind in new[] { "Deployment", "Service", "PodDisruptionBudget", "ServiceAccount", "Role", "RoleBinding", "Job", "ConfigMap" })
        {
            Assert.Contains(kind, kinds);
        }
    }

    [Fact]
    public void Every_configuration_key_the_manifests_set_is_read_by_the_application_in_that_image()
    {
        var catalogues = Sources.ToDictionary(s => s.Key, s => KeysRead(s.Value), StringComparer.Ordinal);
        var unknown = new List<string>();
        var checkedKeys = 0;
        foreach (var (file, container, app) in Containers())
        {
            var env = (YamlSequenceNode?)(container.Children.TryGetValue(new YamlScalarNode("env"), out var e) ? e : null);
            foreach (var variable in env?.Children.Cast<YamlMappingNode>() ?? [])
            {
                var name = Scalar(variable, "name")!;
                if (FrameworkVariables.TryGetValue(name, out var apps))
                {
                    if (!apps.Contains(app))
                    {
                        unknown.Add($"{file}: {name} means nothing to the {app}");
                    }

                    continue;
                }

                var key = ConfigurationKey(name);
                checkedKeys++;
                if (!catalogues[app].Contains(key))
                {
                    unknown.Add($"{file}: {name} (configuration key {key}) is not read by the {app}");
                }
            }
        }

        Assert.True(checkedKeys > 20, $"only {checkedKeys} keys found: the manifests were not read as expected");
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public void The_key_catalogue_refuses_a_key_nobody_reads()
    {
        var silo = KeysRead(Sources["silo"]);
        var api = KeysRead(Sources["api"]);
        Assert.Contains("Mooc:Tls:CertificatePath", silo);
        Assert.Contains("ConnectionStrings:mooc", silo);
        Assert.Contains("Mooc:Kubernetes:Enabled", silo);
        Assert.Contains("Mooc:Jwt:SigningKeyPath", api);
        Assert.DoesNotContain("Mooc:Tls:CertificatePth", silo);
        Assert.DoesNotContain("Mooc:Jwt:SigningKeyPath", silo);
        Assert.Equal("Mooc:Proxy:KnownNetworks", ConfigurationKey("Mooc__Proxy__KnownNetworks__0"));
    }

    [Fact]
    public void Referred_config_map_keys_exist_and_referred_secrets_are_documented()
    {
        var configMaps = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(ManifestFolder, "*.yaml").Select(Path.GetFileName))
        {
            foreach (var document in Load(file!).Where(d => Scalar(d, "kind") == "ConfigMap"))
            {
                configMaps[Scalar(Map(document, "metadata")!, "name")!] = Map(document, "data")!.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal);
            }
        }

        var operations = File.ReadAllText(Path.Combine(Root, "docs", "OPERATIONS.md"));
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(ManifestFolder, "*.yaml").Select(Path.GetFileName))
        {
            foreach (var node in Load(file!).SelectMany(Descendants))
            {
                if (node.Children.TryGetValue(new YamlScalarNode("configMapKeyRef"), out var c) && c is YamlMappingNode configRef)
                {
                    var (name, key) = (Scalar(configRef, "name")!, Scalar(configRef, "key")!);
                    if (!configMaps.TryGetValue(name, out var keys) || !keys.Contains(key))
                    {
                        problems.Add($"{file}: ConfigMap {name} has no key {key}");
                    }
                }

                foreach (var secret in new[] { "secretKeyRef", "secret" })
                {
                    if (node.Children.TryGetValue(new YamlScalarNode(secret), out var s) && s is YamlMappingNode secretRef
                        && (Scalar(secretRef, "name") ?? Scalar(secretRef, "secretName")) is { } secretName
                        && !operations.Contains(secretName, StringComparison.Ordinal))
                    {
                        problems.Add($"{file}: secret {secretName} is not described in docs/OPERATIONS.md");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary><c>Mooc__Proxy__KnownNetworks__0</c> → <c>Mooc:Proxy:KnownNetworks</c> (an array element belongs to its array's key).</summary>
    private static string ConfigurationKey(string variable)
    {
        var segments = variable.Split("__").ToList();
        while (segments.Count > 1 && segments[^1].All(char.IsAsciiDigit))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return string.Join(':', segments);
    }

    /// <summary>The configuration keys the C# sources under <paramref name="folders"/> read.</summary>
    private static HashSet<string> KeysRead(string[] folders)
    {
        var sources = folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Root, f), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        // Options classes: a `const string Section` and the class that declares it.
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (SectionConstant().Match(source) is { Success: true } section && ClassName().Match(source) is { Success: true } type)
            {
                sections[type.Groups[1].Value] = section.Groups[1].Value;
            }
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            foreach (Match literal in FullKey().Matches(source))
            {
                keys.Add(literal.Groups[1].Value);
            }

            foreach (Match name in ConnectionStringName().Matches(source))
            {
                keys.Add("ConnectionStrings:" + name.Groups[1].Value);
            }

            // An options class bound to its section: each settable property is a key.
            if (SectionConstant().Match(source) is { Success: true } section)
            {
                foreach (Match property in SettableProperty().Matches(source))
                {
                    keys.Add(section.Groups[1].Value + ":" + property.Groups[1].Value);
                }
            }

            // A leaf read from a section: `Section + ":Leaf"` in the class itself, `Type.Section + ":Leaf"` elsewhere.
            foreach (Match leaf in SectionLeaf().Matches(source))
            {
                var owner = leaf.Groups[1].Success ? leaf.Groups[1].Value : ClassName().Match(source).Groups[1].Value;
                if (sections.TryGetValue(owner, out var prefix))
                {
                    keys.Add(prefix + ":" + leaf.Groups[2].Value);
                }
            }
        }

        return keys;
    }

    private static IEnumerable<(string File, YamlMappingNode Container, string App)> Containers()
    {
        foreach (var file in Directory.GetFiles(ManifestFolder, "*.yaml").Select(Path.GetFileName))
        {
            foreach (var document in Load(file!))
            {
                foreach (var node in Descendants(document))
                {
                    if (!node.Children.TryGetValue(new YamlScalarNode("containers"), out var containers))
                    {
                        continue;
                    }

                    foreach (var container in ((YamlSequenceNode)containers).Children.Cast<YamlMappingNode>())
                    {
                        var image = Scalar(container, "image")!;
                        var app = Sources.Keys.SingleOrDefault(a => image.StartsWith($"adaptivemooc/{a}:", StringComparison.Ordinal))
                            ?? throw new InvalidOperationException($"{file}: image {image} is none of adaptivemooc/silo, api, web");
                        yield return (file!, container, app);
                    }
                }
            }
        }
    }

    private static IEnumerable<YamlMappingNode> Descendants(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                yield return map;
                foreach (var child in map.Children.Values.SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children.SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
        }
    }

    private static List<YamlMappingNode> Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(ManifestFolder, file));
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode))];
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static YamlMappingNode? Map(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("AdaptiveMooc.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("\"((?:Mooc|ConnectionStrings)(?::[A-Za-z0-9_-]+)+)\"")]
    private static partial Regex FullKey();

    [GeneratedRegex("(?:ConnectionStringName\\s*=\\s*|GetConnectionString\\()\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex ConnectionStringName();

    [GeneratedRegex("const string Section = \"([A-Za-z0-9:]+)\"")]
    private static partial Regex SectionConstant();

    [GeneratedRegex("public [A-Za-z0-9_<>\\[\\]?, .]+ ([A-Z][A-Za-z0-9]*) \\{ get; (?:set|init);")]
    private static partial Regex SettableProperty();

    [GeneratedRegex("(?:([A-Z][A-Za-z0-9]*)\\.)?Section \\+ \":([A-Za-z0-9]+)\"")]
    private static partial Regex SectionLeaf();

    [GeneratedRegex("(?:class|record) ([A-Z][A-Za-z0-9]*)")]
    private static partial Regex ClassName();
}
