<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgreementDashboard</name>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="259"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>%n annotator</numerusform>
            <numerusform>%n annotators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="261"/>
        <source>%n document(s) finished by at least two of them</source>
        <translation>
            <numerusform>%n document finished by at least two of them</numerusform>
            <numerusform>%n documents finished by at least two of them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="291"/>
        <source>Who made each claim (relations): F1 exact %1 · with the stance %2 · %3</source>
        <comment>relation agreement</comment>
        <translation>
            <numerusform>Who made each claim (relations): F1 exact %1 · with the stance %2 · %3</numerusform>
            <numerusform>Who made each claim (relations): F1 exact %1 · with the stance %2 · %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="296"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="348"/>
        <source>%n document(s) both finished</source>
        <translation>
            <numerusform>%n document both finished</numerusform>
            <numerusform>%n documents both finished</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message numerus="yes">
        <location filename="../../gui/modes/annotating.py" line="65"/>
        <source>Every document in this list is done; still to do outside it: %n.</source>
        <translation>
            <numerusform>Every document in this list is done; still to do outside it: %n.</numerusform>
            <numerusform>Every document in this list is done; still to do outside it: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusyFile</name>
    <message numerus="yes">
        <location filename="../../gui/busy.py" line="59"/>
        <source>The project file is busy (another program is writing to it): %n action(s) wait to be saved. Alama keeps trying.</source>
        <translation>
            <numerusform>The project file is busy (another program is writing to it): %n action waits to be saved. Alama keeps trying.</numerusform>
            <numerusform>The project file is busy (another program is writing to it): %n actions wait to be saved. Alama keeps trying.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/busy.py" line="138"/>
        <source>%n action(s) are not saved yet: another program is writing to the project file. Alama saves them as soon as it is free.</source>
        <translation>
            <numerusform>%n action is not saved yet: another program is writing to the project file. Alama saves it as soon as it is free.</numerusform>
            <numerusform>%n actions are not saved yet: another program is writing to the project file. Alama saves them as soon as it is free.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Folds</name>
    <message numerus="yes">
        <location filename="../../gui/folds.py" line="46"/>
        <source>⋯ Repeated site text (%n line(s)) — click to show</source>
        <translation>
            <numerusform>⋯ Repeated site text (%n line) — click to show</numerusform>
            <numerusform>⋯ Repeated site text (%n lines) — click to show</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message numerus="yes">
        <location filename="../../gui/navigation.py" line="275"/>
        <source>%n document(s) contain it</source>
        <translation>
            <numerusform>%n document contains it</numerusform>
            <numerusform>%n documents contain it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="278"/>
        <source>Merging %n project file(s)</source>
        <translation>
            <numerusform>Merging %n project file</numerusform>
            <numerusform>Merging %n project files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="302"/>
        <source>%n record(s) imported</source>
        <translation>
            <numerusform>%n record imported</numerusform>
            <numerusform>%n records imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="303"/>
        <source>from %n file(s)</source>
        <translation>
            <numerusform>from %n file</numerusform>
            <numerusform>from %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="308"/>
        <location filename="../../gui/i18n.py" line="369"/>
        <source>%n new document(s)</source>
        <translation>
            <numerusform>%n new document</numerusform>
            <numerusform>%n new documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="309"/>
        <source>%n already in the project</source>
        <translation>
            <numerusform>%n already in the project</numerusform>
            <numerusform>%n already in the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="313"/>
        <source>%n span(s) added</source>
        <translation>
            <numerusform>%n span added</numerusform>
            <numerusform>%n spans added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="314"/>
        <source>in %n annotator layer(s)</source>
        <translation>
            <numerusform>in %n annotator layer</numerusform>
            <numerusform>in %n annotator layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="319"/>
        <source>%n relation(s) between spans added.</source>
        <translation>
            <numerusform>%n relation between spans added.</numerusform>
            <numerusform>%n relations between spans added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="328"/>
        <source>%n record(s) exported</source>
        <translation>
            <numerusform>%n record exported</numerusform>
            <numerusform>%n records exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="329"/>
        <source>of %n document(s)</source>
        <translation>
            <numerusform>of %n document</numerusform>
            <numerusform>of %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="330"/>
        <source>with %n span(s)</source>
        <translation>
            <numerusform>with %n span</numerusform>
            <numerusform>with %n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="339"/>
        <source>%n relation(s) between spans written.</source>
        <translation>
            <numerusform>%n relation between spans written.</numerusform>
            <numerusform>%n relations between spans written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="343"/>
        <source>%n span(s) widened to whole tokens (tags cover tokens, not parts of them)</source>
        <translation>
            <numerusform>%n span widened to whole tokens (tags cover tokens, not parts of them)</numerusform>
            <numerusform>%n spans widened to whole tokens (tags cover tokens, not parts of them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="358"/>
        <source>%n project file(s) merged</source>
        <translation>
            <numerusform>%n project file merged</numerusform>
            <numerusform>%n project files merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="364"/>
        <source>%n newer version(s) of spans (%1 of them deletions)</source>
        <translation>
            <numerusform>%n newer version of a span (%1 of them deletions)</numerusform>
            <numerusform>%n newer versions of spans (%1 of them deletions)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="370"/>
        <source>%n new span(s)</source>
        <translation>
            <numerusform>%n new span</numerusform>
            <numerusform>%n new spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="372"/>
        <source>%n document status(es)</source>
        <translation>
            <numerusform>%n document status</numerusform>
            <numerusform>%n document statuses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="373"/>
        <source>%n review decision(s)</source>
        <translation>
            <numerusform>%n review decision</numerusform>
            <numerusform>%n review decisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="377"/>
        <source>%n relation(s) between spans, new or newer versions.</source>
        <translation>
            <numerusform>%n relation between spans, new or newer versions.</numerusform>
            <numerusform>%n relations between spans, new or newer versions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="379"/>
        <source>%n assignment(s) of documents to annotators, given or taken away.</source>
        <translation>
            <numerusform>%n assignment of documents to annotators, given or taken away.</numerusform>
            <numerusform>%n assignments of documents to annotators, given or taken away.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="389"/>
        <source>%n span(s) of %1 left out: outside its document&apos;s text (the file was damaged or altered).</source>
        <translation>
            <numerusform>%n span of %1 left out: outside its document&apos;s text (the file was damaged or altered).</numerusform>
            <numerusform>%n spans of %1 left out: outside its document&apos;s text (the file was damaged or altered).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="401"/>
        <source>%n change(s) of other layers left out: %1</source>
        <translation>
            <numerusform>%n change of other layers left out: %1</numerusform>
            <numerusform>%n changes of other layers left out: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <location filename="../../gui/qt_review.py" line="226"/>
        <source>%n candidate span(s)</source>
        <translation>
            <numerusform>%n candidate span</numerusform>
            <numerusform>%n candidate spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_review.py" line="227"/>
        <source>%n open disagreement(s)</source>
        <translation>
            <numerusform>%n open disagreement</numerusform>
            <numerusform>%n open disagreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_review.py" line="228"/>
        <source>%n agreed span(s) not yet accepted</source>
        <translation>
            <numerusform>%n agreed span not yet accepted</numerusform>
            <numerusform>%n agreed spans not yet accepted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reviewing</name>
    <message numerus="yes">
        <location filename="../../gui/modes/reviewing.py" line="123"/>
        <source>%n agreed span(s) accepted into gold.</source>
        <translation>
            <numerusform>%n agreed span accepted into gold.</numerusform>
            <numerusform>%n agreed spans accepted into gold.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/modes/reviewing.py" line="126"/>
        <source>Agreed links accepted: %n.</source>
        <translation>
            <numerusform>Agreed links accepted: %n.</numerusform>
            <numerusform>Agreed links accepted: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/modes/reviewing.py" line="225"/>
        <source>Every document in this list is reviewed; still to review outside it: %n.</source>
        <translation>
            <numerusform>Every document in this list is reviewed; still to review outside it: %n.</numerusform>
            <numerusform>Every document in this list is reviewed; still to review outside it: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <location filename="../../gui/session.py" line="262"/>
        <source>Accept %n agreed span(s)</source>
        <translation>
            <numerusform>Accept %n agreed span</numerusform>
            <numerusform>Accept %n agreed spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionJobs</name>
    <message numerus="yes">
        <location filename="../../gui/suggestion_jobs.py" line="176"/>
        <source>The model is retrained: %n suggestion(s) here.</source>
        <translation>
            <numerusform>The model is retrained: %n suggestion here.</numerusform>
            <numerusform>The model is retrained: %n suggestions here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/suggestion_jobs.py" line="213"/>
        <source>%n suggestion(s) stored from the file; %1 pending in this document.</source>
        <translation>
            <numerusform>%n suggestion stored from the file; %1 pending in this document.</numerusform>
            <numerusform>%n suggestions stored from the file; %1 pending in this document.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message numerus="yes">
        <location filename="../../gui/suggestions.py" line="136"/>
        <source>%n suggestion(s) pending</source>
        <translation>
            <numerusform>%n suggestion pending</numerusform>
            <numerusform>%n suggestions pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/suggestions.py" line="240"/>
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accept %n suggestion</numerusform>
            <numerusform>Accept %n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamReport</name>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="45"/>
        <location filename="../../gui/team_reports.py" line="95"/>
        <location filename="../../gui/team_reports.py" line="108"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="58"/>
        <source>%n document(s) assigned</source>
        <translation>
            <numerusform>%n document assigned</numerusform>
            <numerusform>%n documents assigned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="59"/>
        <source>%n of them to several annotators (overlap)</source>
        <translation>
            <numerusform>%n of them to several annotators (overlap)</numerusform>
            <numerusform>%n of them to several annotators (overlap)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="64"/>
        <source>%n document(s) already assigned, left as they were.</source>
        <translation>
            <numerusform>%n document already assigned, left as they were.</numerusform>
            <numerusform>%n documents already assigned, left as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="74"/>
        <source>%n unfinished document(s)</source>
        <translation>
            <numerusform>%n unfinished document</numerusform>
            <numerusform>%n unfinished documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="76"/>
        <source>the %n they finished</source>
        <translation>
            <numerusform>the %n they finished</numerusform>
            <numerusform>the %n they finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="82"/>
        <source>%n shared document(s) everyone else had already: one annotator fewer.</source>
        <translation>
            <numerusform>%n shared document everyone else had already: one annotator fewer.</numerusform>
            <numerusform>%n shared documents everyone else had already: one annotator fewer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="100"/>
        <source>%n copy(ies) written:</source>
        <translation>
            <numerusform>%n copy written:</numerusform>
            <numerusform>%n copies written:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="122"/>
        <source>%n new span(s)</source>
        <translation>
            <numerusform>%n new span</numerusform>
            <numerusform>%n new spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="123"/>
        <source>%n deleted</source>
        <comment>spans</comment>
        <translation>
            <numerusform>%n deleted</numerusform>
            <numerusform>%n deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="124"/>
        <source>%n document(s) finished</source>
        <translation>
            <numerusform>%n document finished</numerusform>
            <numerusform>%n documents finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="130"/>
        <source>%n outside their assignment (%1)</source>
        <translation>
            <numerusform>%n outside their assignment (%1)</numerusform>
            <numerusform>%n outside their assignment (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message numerus="yes">
        <location filename="../../gui/qt_team_view.py" line="202"/>
        <source>%n overlap document(s)</source>
        <translation>
            <numerusform>%n overlap document</numerusform>
            <numerusform>%n overlap documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_team_view.py" line="228"/>
        <source>Ready for review (all their annotators finished): %n document(s)</source>
        <translation>
            <numerusform>Ready for review (all their annotators finished): %n document</numerusform>
            <numerusform>Ready for review (all their annotators finished): %n documents</numerusform>
        </translation>
    </message>
</context>
</TS>
