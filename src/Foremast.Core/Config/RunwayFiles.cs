using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <summary>The runway files as read: parsed nodes (null where unreadable) and the raw texts for the content hash.</summary>
internal sealed class RunwayFiles
{
    public JsonNode? Pipeline { get; set; }

    public bool PipelineMissing { get; set; }

    public Dictionary<string, JsonNode?> Envs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    public static RunwayFiles? ReadDirectory(string directory, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(directory))
        {
            diagnostics.Add(Diagnostic.Error(directory, "$", "runway directory not found"));
            return null;
        }

        var files = new RunwayFiles();
        var pipelinePath = Path.Combine(directory, RunwayLoader.PipelineFile);
        files.PipelineMissing = !File.Exists(pipelinePath);
        if (!files.PipelineMissing)
        {
            files.Texts[RunwayLoader.PipelineFile] = File.ReadAllText(pipelinePath);
            files.Pipeline = JsonFileReader.Parse(files.Texts[RunwayLoader.PipelineFile], RunwayLoader.PipelineFile, diagnostics);
        }

        foreach (var path in Directory.EnumerateFiles(directory, "application-master-*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            files.Texts[name] = File.ReadAllText(path);
            files.Envs[EnvName(name)!] = JsonFileReader.Parse(files.Texts[name], name, diagnostics);
        }

        return files;
    }

    public static string? EnvName(string fileName) =>
        fileName.StartsWith("application-master-", StringComparison.Ordinal) && fileName.EndsWith(".json", StringComparison.Ordinal)
            ? fileName["application-master-".Length..^".json".Length]
            : null;

    public string ContentHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in Texts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n" + text + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
