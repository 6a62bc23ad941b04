package org.opencti.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code opencti}: the one command-line entry point ({@code ./opencti} at the repository root runs it). */
@Command(name = "opencti", mixinStandardHelpOptions = true, version = "OpenCTI 0.1.0",
        description = "Connects any telephony / CTI system to a web agent desktop.",
        subcommands = {ServeCommand.class, LabCommand.class, ValidateCommand.class})
public final class OpenCtiCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OpenCtiCommand()).execute(args));
    }

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }
}
