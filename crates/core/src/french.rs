//! French for diagnostics: one catalogue of English patterns and their
//! translations, applied to a finished diagnostic. Keeping every French
//! sentence here (rather than beside each English one) keeps the validator
//! readable and lets a test check that every message has a translation.
//!
//! In a pattern, `{}` stands for a part copied from the English text (an id,
//! a number, a list); in the translation `{0}`, `{1}`… place those parts.

/// `(English pattern, French)`, most specific first.
const CATALOGUE: &[(&str, &str)] = &[
    // Messages
    ("format {} is not supported", "le format {0} n'est pas pris en charge"),
    ("the version is empty", "la version est vide"),
    ("`{}` cannot start a result code", "`{0}` ne peut pas commencer un code résultat"),
    ("no language is declared", "aucune langue n'est déclarée"),
    ("`{}` is not a language code", "`{0}` n'est pas un code de langue"),
    ("the {} id `{}` is used twice", "l'identifiant de {0} `{1}` est utilisé deux fois"),
    ("`{}` is not a valid {} id", "`{0}` n'est pas un identifiant de {1} valide"),
    ("`{}` is not one of the declared languages", "`{0}` ne fait pas partie des langues déclarées"),
    ("this text has no `{}` translation", "ce texte n'a pas de traduction `{0}`"),
    ("the `{}` text is empty", "le texte `{0}` est vide"),
    ("no dimension is declared", "aucune dimension n'est déclarée"),
    ("no level is declared", "aucun niveau n'est déclaré"),
    ("no parcours is declared", "aucun parcours n'est déclaré"),
    ("this section has no question", "cette section n'a aucune question"),
    ("the questionnaire has no question", "le questionnaire n'a aucune question"),
    ("no answer gives points to the dimension `{}`", "aucune réponse ne donne de points à la dimension `{0}`"),
    ("`{}` is not a phone number", "`{0}` n'est pas un numéro de téléphone"),
    ("`{}` is not an e-mail address", "`{0}` n'est pas une adresse e-mail"),
    ("`{}` is not a web address", "`{0}` n'est pas une adresse web"),
    ("`below: {}` is more than 100 %", "`below: {0}` dépasse 100 %"),
    ("this band overlaps the one before: `below: {}` is not above {}", "cette tranche chevauche la précédente : `below: {0}` n'est pas au-dessus de {1}"),
    ("percentages from {} to 100 have no level", "les pourcentages de {0} à 100 n'ont pas de niveau"),
    ("only the last level may leave out `below`, but `{}` is not last", "seul le dernier niveau peut omettre `below`, or `{0}` n'est pas le dernier"),
    ("`{}` is not a date", "`{0}` n'est pas une date"),
    ("the sessions end ({}) before they start ({})", "les séances finissent ({0}) avant de commencer ({1})"),
    ("both `sessions` and `periods` are given", "`sessions` et `periods` sont donnés tous les deux"),
    ("every period of `{}` is over on {} (the last one ended on {})", "toutes les périodes de `{0}` sont passées au {1} (la dernière a fini le {2})"),
    ("the scale `{}` has {} step(s)", "l'échelle `{0}` a {1} niveau(x)"),
    ("a scale step has a `value`, not `scores`", "un niveau d'échelle a une `value`, pas de `scores`"),
    ("a \"Je ne sais pas\" step scores nothing and takes no `value`", "un niveau « Je ne sais pas » ne rapporte rien et n'a pas de `value`"),
    ("the step `{}` has no `value`", "le niveau `{0}` n'a pas de `value`"),
    ("{} is more than {}", "{0} dépasse {1}"),
    ("{} options is too many", "{0} réponses, c'est trop"),
    ("there are two \"Je ne sais pas\" answers", "il y a deux réponses « Je ne sais pas »"),
    ("a \"Je ne sais pas\" answer cannot give points", "une réponse « Je ne sais pas » ne peut pas donner de points"),
    ("`value` belongs to the steps of a scale", "`value` s'écrit sur les niveaux d'une échelle"),
    ("there is no dimension `{}`", "il n'y a pas de dimension `{0}`"),
    ("{} points is more than {}", "{0} points, c'est plus que {1}"),
    ("a scale question takes its answers from its scale", "une question à échelle prend ses réponses dans son échelle"),
    ("a scale question needs `scale:`", "une question à échelle a besoin de `scale:`"),
    ("there is no scale `{}`", "il n'y a pas d'échelle `{0}`"),
    ("only a scale question takes `scale:`", "seule une question à échelle prend `scale:`"),
    ("a question's `scores` are weights of a scale", "les `scores` d'une question sont les poids d'une échelle"),
    ("a yes-no question has exactly two answers, not {}", "une question oui-non a exactement deux réponses, pas {0}"),
    ("a single-choice question needs at least two answers, not {}", "une question à choix unique demande au moins deux réponses, pas {0}"),
    ("a multiple-choice question needs at least one option", "une question à choix multiple demande au moins une réponse"),
    ("there is no recommendation rule", "il n'y a aucune règle de recommandation"),
    ("a rule has either `when` or `otherwise: true`, not both", "une règle a soit `when`, soit `otherwise: true`, pas les deux"),
    ("`otherwise: false` never holds", "`otherwise: false` n'est jamais vrai"),
    ("this rule says neither `when` nor `otherwise`", "cette règle n'a ni `when` ni `otherwise`"),
    ("there is no parcours `{}`", "il n'y a pas de parcours `{0}`"),
    ("the next step is the recommended parcours itself", "l'étape suivante est le parcours recommandé lui-même"),
    ("this rule can never apply: rule {} before it always holds", "cette règle ne s'applique jamais : la règle {0}, avant elle, est toujours vraie"),
    ("the last rule does not always hold, so some people would get no recommendation", "la dernière règle n'est pas toujours vraie : certaines personnes n'auraient aucune recommandation"),
    ("no rule recommends the parcours `{}`", "aucune règle ne recommande le parcours `{0}`"),
    ("the file is {} KB; a questionnaire may be at most {} KB", "le fichier fait {0} Ko ; un questionnaire fait au plus {1} Ko"),
    ("the file is empty", "le fichier est vide"),
    ("lists and mappings are nested more than {} deep here", "listes et tables sont imbriquées à plus de {0} niveaux ici"),
    ("a questionnaire nests 3 or 4 levels", "un questionnaire a 3 ou 4 niveaux d'imbrication"),
    ("check for a run of `[` or `{`", "cherchez une suite de `[` ou de `{`"),
    ("the file is not UTF-8 text: byte {} cannot be read", "le fichier n'est pas un texte UTF-8 : l'octet {0} est illisible"),
    ("control characters are not allowed{}", "les caractères de contrôle ne sont pas permis{0}"),
    // Conditions
    ("`{}` alone is not an operator", "`{0}` seul n'est pas un opérateur"),
    ("this number is too large", "ce nombre est trop grand"),
    ("unexpected character `{}` in a condition", "caractère inattendu `{0}` dans une condition"),
    ("this condition is longer than {} characters", "cette condition dépasse {0} caractères"),
    ("unexpected text after the end of the condition", "texte inattendu après la fin de la condition"),
    ("this condition nests more than {} levels of `(` or `not`", "cette condition imbrique plus de {0} niveaux de `(` ou de `not`"),
    ("expected {} here", "ici, il faut {0}"),
    ("`{}` is not a test on the answers", "`{0}` n'est pas un test sur les réponses"),
    ("expected a test here", "ici, il faut un test"),
    ("expected a comparison here", "ici, il faut une comparaison"),
    ("`answer(…)` cannot be used on a multiple-choice question", "`answer(…)` ne s'utilise pas sur une question à choix multiple"),
    ("only the answers of a scale question are ordered", "seules les réponses d'une question à échelle sont ordonnées"),
    ("`{}(…)` cannot be used in `show-if`", "`{0}(…)` ne s'utilise pas dans `show-if`"),
    ("there is no level `{}`", "il n'y a pas de niveau `{0}`"),
    ("a percentage is between 0 and 100", "un pourcentage est compris entre 0 et 100"),
    ("a level is compared with a level id", "un niveau se compare à un identifiant de niveau"),
    ("`{}(…)` is compared with a number", "`{0}(…)` se compare à un nombre"),
    ("`dont-know()` cannot be used in `show-if`", "`dont-know()` ne s'utilise pas dans `show-if`"),
    ("`dont-know()` counts answers and is compared with a number", "`dont-know()` compte des réponses et se compare à un nombre"),
    ("`{}(…)` is not a test this format knows", "`{0}(…)` n'est pas un test connu de ce format"),
    ("there is no question `{}`", "il n'y a pas de question `{0}`"),
    // Calibration and coverage
    ("`{}` cannot check a skill: it is not a single-choice question", "`{0}` ne peut pas vérifier une compétence : ce n'est pas une question à choix unique"),
    ("no answer of `{}` gives points to `{}`", "aucune réponse de `{0}` ne donne de points à `{1}`"),
    ("the dimension `{}` has no `checks`", "la dimension `{0}` n'a pas de `checks`"),
    ("`coverage-threshold: {}` is not a percentage from 1 to 100", "`coverage-threshold: {0}` n'est pas un pourcentage de 1 à 100"),
    ("the dimension `{}` has checks but no self-rating", "la dimension `{0}` a des questions de vérification mais aucune auto-évaluation"),
    ("the check id `{}` is used twice", "la question de vérification `{0}` est citée deux fois"),
    ("`show-if` refers to `{}`, which comes later", "`show-if` renvoie à `{0}`, qui vient plus loin"),
    ("`show-if` of `{}` refers to `{}` itself", "le `show-if` de `{0}` renvoie à `{1}` lui-même"),
    ("this question has no option `{}`", "cette question n'a pas de réponse `{0}`"),
    // Shapes reported by the YAML reader
    ("unknown field `{}`, expected one of {}", "clé inconnue `{0}` ; les clés possibles sont {1}"),
    ("unknown field `{}`, there are no fields", "clé inconnue `{0}` : aucune clé n'est attendue ici"),
    ("unknown variant `{}`, expected one of {}", "valeur inconnue `{0}` ; les valeurs possibles sont {1}"),
    ("missing field `{}`", "clé manquante `{0}`"),
    ("duplicate field `{}`", "clé en double `{0}`"),
    ("invalid type: {}, expected {}", "type incorrect : {0} ; attendu : {1}"),
    ("invalid value: {}, expected {}", "valeur incorrecte : {0} ; attendu : {1}"),
    // libyaml's syntax messages (the parts in English are YAML's own terms)
    ("did not find expected {}, while parsing {} at line {} column {}", "{0} attendu introuvable, dans « {1} » commencé ligne {2}, colonne {3}"),
    ("found a tab character that violates indentation, while scanning {} at line {} column {}", "une tabulation casse l'indentation, dans « {0} » commencé ligne {1}, colonne {2}"),
    ("found a tab character that violates indentation{}", "une tabulation casse l'indentation{0}"),
    ("mapping values are not allowed in this context{}", "une valeur « clé: valeur » n'est pas permise ici{0}"),
    ("found character that cannot start any token{}", "un caractère qui ne peut commencer aucun élément{0}"),
    ("could not find expected ':'{}", "« : » attendu introuvable{0}"),
    ("did not find expected {}", "{0} attendu introuvable"),
    // Expected
    ("format: {}", "format: {0}"),
    ("a version such as \"2026.1\"", "une version comme \"2026.1\""),
    ("1 to 5 capital letters A-Z, such as VLG", "1 à 5 lettres majuscules A-Z, comme VLG"),
    ("a list such as [fr, en]; the first is the default", "une liste comme [fr, en] ; la première est la langue par défaut"),
    ("a two-letter code such as fr or en", "un code de deux lettres comme fr ou en"),
    ("a different id for each {}", "un identifiant différent pour chaque {0}"),
    ("lowercase letters a-z, digits and `-`, without spaces or accents, at most 40 characters", "des lettres minuscules a-z, des chiffres et `-`, sans espace ni accent, 40 caractères au plus"),
    ("one of {}", "l'un de {0}"),
    ("a text in each declared language: {}", "un texte dans chaque langue déclarée : {0}"),
    ("some words", "quelques mots"),
    ("at least one skill area, such as { id: bases, label: \"Bases\" }", "au moins un domaine de compétences, comme { id: bases, label: \"Bases\" }"),
    ("at least one parcours to recommend", "au moins un parcours à recommander"),
    ("at least one question", "au moins une question"),
    ("at least one section with questions", "au moins une section avec des questions"),
    ("at least one option with `scores: { {}: … }`", "au moins une réponse avec `scores: { {0}: … }`"),
    ("digits, spaces and +, such as \"01 40 85 57 00\"", "des chiffres, des espaces et +, comme \"01 40 85 57 00\""),
    ("an address such as contact@mairie.fr", "une adresse comme contact@mairie.fr"),
    ("an address starting with https://", "une adresse qui commence par https://"),
    ("bands such as { id: debutant, below: 40 } … and a last one without `below`", "des tranches comme { id: debutant, below: 40 } … et une dernière sans `below`"),
    ("a percentage from 1 to 100", "un pourcentage de 1 à 100"),
    ("a percentage above {}", "un pourcentage au-dessus de {0}"),
    ("a last level without `below`, which takes everything above", "un dernier niveau sans `below`, qui prend tout le reste"),
    ("`below: N` with N above {}", "`below: N` avec N au-dessus de {0}"),
    ("a date written YYYY-MM-DD, such as 2026-09-12", "une date écrite AAAA-MM-JJ, comme 2026-09-12"),
    ("a date on or after {}", "une date le {0} ou après"),
    ("either `sessions` (one period) or `periods` (a list of periods)", "soit `sessions` (une période), soit `periods` (une liste de périodes)"),
    ("move the `sessions` period into the `periods` list", "déplacez la période de `sessions` dans la liste `periods`"),
    ("add the next period to `periods`; until then residents are pointed to the permanence", "ajoutez la prochaine période dans `periods` ; en attendant, les habitants sont orientés vers la permanence"),
    ("a period that is not over", "une période qui n'est pas encore passée"),
    ("at least two steps, from the weakest to the strongest", "au moins deux niveaux, du plus faible au plus fort"),
    ("`value: N`; each question says which dimensions the scale scores", "`value: N` ; chaque question dit quelles dimensions l'échelle note"),
    ("no `value` on a step with `dont-know: true`", "pas de `value` sur un niveau avec `dont-know: true`"),
    ("`value: N`, the points of this step (0 for the weakest)", "`value: N`, les points de ce niveau (0 pour le plus faible)"),
    ("a whole number from 0 to {}", "un nombre entier de 0 à {0}"),
    ("at most {} options", "au plus {0} réponses"),
    ("at most one option with `dont-know: true`", "au plus une réponse avec `dont-know: true`"),
    ("no `scores` on an option with `dont-know: true`", "pas de `scores` sur une réponse avec `dont-know: true`"),
    ("`scores: { dimension: points }` on a question's options", "`scores: { dimension: points }` sur les réponses d'une question"),
    ("`scale: <scale id>` and no `options`", "`scale: <échelle>` et pas d'`options`"),
    ("`scale:` with one of {}", "`scale:` avec l'une de {0}"),
    ("`kind: scale`, or `options:` without `scale:`", "`kind: scale`, ou `options:` sans `scale:`"),
    ("scores on each option: `options: [ { id: …, scores: { dimension: points } } ]`", "des points sur chaque réponse : `options: [ { id: …, scores: { dimension: points } } ]`"),
    ("a yes option and a no option, and possibly one with `dont-know: true`", "une réponse oui et une réponse non, et éventuellement une avec `dont-know: true`"),
    ("two or more options", "deux réponses ou plus"),
    ("one or more options", "une réponse ou plus"),
    ("rules such as `- when: … parcours: …`, ending with `- otherwise: true`", "des règles comme `- when: … parcours: …`, terminées par `- otherwise: true`"),
    ("`when: <condition>` or `otherwise: true`", "`when: <condition>` ou `otherwise: true`"),
    ("`otherwise: true`, or a `when:` condition", "`otherwise: true`, ou une condition `when:`"),
    ("another parcours, or no `next`", "un autre parcours, ou pas de `next`"),
    ("a last rule that always holds", "une dernière règle toujours vraie"),
    ("a rule with `parcours: {}`", "une règle avec `parcours: {0}`"),
    ("`==`, `!=`, `<`, `<=`, `>` or `>=`", "`==`, `!=`, `<`, `<=`, `>` ou `>=`"),
    ("names, numbers, `(`, `)`, `,` and comparisons such as `==`", "des noms, des nombres, `(`, `)`, `,` et des comparaisons comme `==`"),
    ("`and`, `or`, or the end of the condition", "`and`, `or`, ou la fin de la condition"),
    ("`)`", "`)`"),
    ("`,` then an option id", "`,` puis un identifiant de réponse"),
    ("an option id", "un identifiant de réponse"),
    ("a question id", "un identifiant de question"),
    ("a dimension id", "un identifiant de dimension"),
    ("a test such as `answer(question) == option`, `level(dimension) == level` or `chosen(question, option)`", "un test comme `answer(question) == réponse`, `level(dimension) == niveau` ou `chosen(question, réponse)`"),
    ("a test such as `answer(question) == option`, `(`, `not`, `true`", "un test comme `answer(question) == réponse`, `(`, `not`, `true`"),
    ("a single-choice, yes-no or scale question", "une question à choix unique, oui-non ou à échelle"),
    ("`==` or `!=`", "`==` ou `!=`"),
    ("a test on earlier answers: `answer`, `chosen` or `answered`", "un test sur des réponses précédentes : `answer`, `chosen` ou `answered`"),
    ("a number from 0 to 100", "un nombre de 0 à 100"),
    ("a whole number such as 40", "un nombre entier comme 40"),
    ("a whole number such as 3", "un nombre entier comme 3"),
    ("answer, chosen, answered, score, percent, level, evaluated, miscalibrated or dont-know", "answer, chosen, answered, score, percent, level, evaluated, miscalibrated ou dont-know"),
    ("the id of a question", "l'identifiant d'une question"),
    ("the id of a knowledge question", "l'identifiant d'une question de connaissance"),
    ("a single-choice or yes-no question with one right answer", "une question à choix unique ou oui-non avec une bonne réponse"),
    ("a question whose right answer has `scores: {}`", "une question dont la bonne réponse a `scores: {0}`"),
    ("a dimension that lists its knowledge questions under `checks:`", "une dimension qui liste ses questions de connaissance sous `checks:`"),
    ("a share of the points, such as 50", "une part des points, par exemple 50"),
    ("scale questions that score this dimension, for the checks to compare with", "des questions à échelle qui notent cette dimension, à comparer aux vérifications"),
    ("each question listed once", "chaque question citée une seule fois"),
    ("self-ratings (scale questions) are what the checks are compared with", "les vérifications se comparent aux auto-évaluations (les questions à échelle)"),
    ("add `checks: [question, …]` to the dimension, or remove this test", "ajoutez `checks: [question, …]` à la dimension, ou retirez ce test"),
    ("leave it out to use 50", "retirez-le pour utiliser 50"),
    ("remove `checks:` or add scale questions scoring this dimension", "retirez `checks:` ou ajoutez des questions à échelle qui notent cette dimension"),
    ("a question asked before this one", "une question posée avant celle-ci"),
    ("a whole number, 0 or more", "un nombre entier, 0 ou plus"),
    ("true or false", "true ou false"),
    ("a text", "un texte"),
    ("a list (`- item` lines or [a, b])", "une liste (lignes `- élément` ou [a, b])"),
    ("a questionnaire, starting with `format: 1`", "un questionnaire, qui commence par `format: 1`"),
    ("text saved as UTF-8", "un texte enregistré en UTF-8"),
    ("a mapping of `key: value` lines", "des lignes `clé: valeur`"),
    // Hints
    ("questionnaires/FORMAT.md has a complete example to start from", "questionnaires/FORMAT.md contient un exemple complet pour commencer"),
    ("save the file again choosing the UTF-8 encoding", "enregistrez à nouveau le fichier en choisissant l'encodage UTF-8"),
    ("this version of the tool reads format 1", "cette version de l'outil lit le format 1"),
    ("use the initials of the town", "utilisez les initiales de la ville"),
    ("write it `{}`", "écrivez-le `{0}`"),
    ("rename one of them", "renommez l'un des deux"),
    ("add it to `languages:` at the top, or remove this translation", "ajoutez-la à `languages:` en haut du fichier, ou retirez cette traduction"),
    ("write it as {}", "écrivez-le ainsi : {0}"),
    ("add a question or remove the section", "ajoutez une question ou retirez la section"),
    ("add scores to some options, or remove the dimension", "donnez des points à certaines réponses, ou retirez la dimension"),
    ("list the levels from the lowest to the highest", "listez les niveaux du plus bas au plus haut"),
    ("remove `below` from the last level", "retirez `below` du dernier niveau"),
    ("move the scores to the questions as `scores: { dimension: weight }`", "mettez les points sur les questions : `scores: { dimension: poids }`"),
    ("\"Je ne sais pas\" scores nothing and is counted on its own", "« Je ne sais pas » ne rapporte rien et est compté à part"),
    ("did you mean `{}`?", "vouliez-vous dire `{0}` ?"),
    ("declare it under `dimensions:`", "déclarez-la sous `dimensions:`"),
    ("declare it under `scales:`", "déclarez-la sous `scales:`"),
    ("declare it under `parcours:`", "déclarez-le sous `parcours:`"),
    ("use `kind: single` to write the options out", "utilisez `kind: single` pour écrire les réponses"),
    ("use `kind: single` for more answers", "utilisez `kind: single` pour plus de réponses"),
    ("move it above that rule, or remove it", "placez-la avant cette règle, ou retirez-la"),
    ("end the list with `- otherwise: true` and the parcours for everyone else", "terminez la liste par `- otherwise: true` et le parcours de tous les autres"),
    ("add a rule under `recommendation:`, or remove the parcours", "ajoutez une règle sous `recommendation:`, ou retirez le parcours"),
    ("write `and`, `or`, `not` as words; ids use lowercase letters, digits and `-`", "écrivez `and`, `or`, `not` en toutes lettres ; les identifiants n'ont que des minuscules, des chiffres et `-`"),
    ("split the rule into several simpler rules", "découpez la règle en plusieurs règles plus simples"),
    ("split it into simpler rules", "découpez-la en règles plus simples"),
    ("each test starts with answer, chosen, answered, score, percent, level, evaluated, miscalibrated or dont-know", "chaque test commence par answer, chosen, answered, score, percent, level, evaluated, miscalibrated ou dont-know"),
    ("use `chosen(question, option)` to test one box of a multiple-choice question", "utilisez `chosen(question, réponse)` pour tester une case d'une question à choix multiple"),
    ("scores are only known at the end; use them in the recommendation rules", "les points ne sont connus qu'à la fin : utilisez-les dans les règles de recommandation"),
    ("a question can only depend on answers already given: move it after the question it depends on", "une question ne peut dépendre que de réponses déjà données : placez-la après la question dont elle dépend"),
    ("a question cannot depend on its own answer", "une question ne peut pas dépendre de sa propre réponse"),
    ("check the spelling against the questions' `id`", "vérifiez l'orthographe avec les `id` des questions"),
    ("check that this is the right file", "vérifiez qu'il s'agit du bon fichier"),
    ("check the spelling of the key, or remove it", "vérifiez l'orthographe de la clé, ou retirez-la"),
    ("use one of the values listed", "utilisez l'une des valeurs indiquées"),
    ("add this key; questionnaires/FORMAT.md shows every key with an example", "ajoutez cette clé ; questionnaires/FORMAT.md montre chaque clé avec un exemple"),
    ("put text in quotes, numbers without quotes, lists as `- item` lines", "mettez le texte entre guillemets, les nombres sans guillemets, les listes en lignes `- élément`"),
    ("a key may appear only once in the same place: remove or rename one of the two", "une clé ne peut apparaître qu'une fois au même endroit : retirez ou renommez l'une des deux"),
    ("a questionnaire needs neither deep nesting nor many aliases (`*name`)", "un questionnaire n'a besoin ni d'imbrications profondes ni de nombreux alias (`*nom`)"),
    ("check the indentation (spaces, not tabs) and that every `key: value` and `- item` is well formed", "vérifiez l'indentation (des espaces, pas de tabulations) et que chaque `clé: valeur` et `- élément` est bien écrit"),
];

/// The French for an English diagnostic text, or `None` if the catalogue has no pattern for it.
pub fn translate(english: &str) -> Option<String> {
    CATALOGUE.iter().find_map(|(pattern, french)| {
        let parts = captures(pattern, english)?;
        let mut out = (*french).to_owned();
        for (i, part) in parts.iter().enumerate() {
            out = out.replace(&format!("{{{i}}}"), part);
        }
        Some(out)
    })
}

/// The texts standing for the `{}` of `pattern` in `text`, if it matches.
fn captures(pattern: &str, text: &str) -> Option<Vec<String>> {
    let literals: Vec<&str> = pattern.split("{}").collect();
    let (first, rest) = literals.split_first()?;
    let mut remaining = text.strip_prefix(first)?;
    let mut parts = Vec::new();
    for (i, lit) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        let at = if last {
            if !remaining.ends_with(lit) {
                return None;
            }
            remaining.len() - lit.len()
        } else if lit.is_empty() {
            return None;
        } else {
            remaining.find(lit)?
        };
        parts.push(remaining.get(..at)?.to_owned());
        remaining = remaining.get(at + lit.len()..)?;
    }
    // With no `{}`, the text must equal the pattern; otherwise the last literal ended it.
    remaining.is_empty().then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_capture_and_reorder() {
        assert_eq!(
            translate("there is no question `cherche-emplo`").as_deref(),
            Some("il n'y a pas de question `cherche-emplo`")
        );
        assert_eq!(
            translate("the question id `a` is used twice").as_deref(),
            Some("l'identifiant de question `a` est utilisé deux fois")
        );
        assert_eq!(translate("a text").as_deref(), Some("un texte"));
        assert_eq!(translate("a text with more"), None);
        assert_eq!(translate("nothing like it"), None);
    }
}
