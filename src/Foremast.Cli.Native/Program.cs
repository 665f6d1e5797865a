using Foremast.Cli;
using Foremast.Cli.Commands;
using Foremast.Cli.Errors;
using Foremast.Cli.Native;

// The installed foremast. The offline commands run here, compiled ahead of time; every other command line (and help,
// which lists every command) goes to the managed foremast in engine/, which replaces this process.
if (EngineHandoff.Needed(args)) return EngineHandoff.Run(args);
return CliApp.Create(args, new CommandCatalog(OfflineCommands.All), registrar => registrar.RegisterInstance<IAccountLookups>(new NoAccountLookups())).Run(args);
