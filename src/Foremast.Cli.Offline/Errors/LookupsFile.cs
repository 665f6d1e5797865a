using System.Text.Json;
using Foremast.Spinnaker.Lookups;

namespace Foremast.Cli.Errors;

/// <summary>Reads <c>--lookups FILE</c>; an unreadable file or one of the wrong shape is an input error (exit 2) naming the file and JSON path.</summary>
public static class LookupsFile
{
    public static JsonLookups Read(string path)
    {
        try
        {
            return JsonLookups.FromFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--lookups {path}: cannot read the file ({e.Message})");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: {(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: invalid JSON: {e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ')}", showUsage: false);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{path}: {e.Message}", showUsage: false);
        }
    }
}
