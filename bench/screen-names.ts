// Generated watchlists and supplier names for the screening benchmark: people and companies of eleven naming
// traditions in five scripts (Latin with accents, Cyrillic, Chinese characters, Arabic, Greek), company names
// with their legal forms, countries. Deterministic for a given seed.
//
// Ground truth. Every name is built from vocabulary words, and two names are the same entity exactly when
// they have the same core words, in any order and in any script: a person's given, middle and family names,
// a company's place, brand and industry words (legal forms are not part of the identity). The watchlist holds
// each core once. Planted supplier names are variants of a watchlist entity (typos, reordering, legal form
// changed or dropped, the other script, abbreviations and initials, case and accents). The other supplier
// names come from the same vocabularies, so they share words with listed names (near misses: same family
// name, same brand, another patronymic), but none is a *shortened form* of a listed name or the reverse: each
// name has sub-identities — given + family; middle + family where middle names are used as given names;
// given + second family name; each brand + industry — and listed names take only those whose hashes are all
// even, unlisted ones those whose hashes are all odd. So "Robert Smith" is never an unlisted supplier while
// "John Robert Smith" is listed, nor "Golden Textiles" while "Golden Star Textiles" is. Words of a list are
// kept at least two edits apart, so that a near miss is never a typo of a listed word.
import type { MatchEntity } from '../src/match/types.ts';
import { random } from '../test/supplier-files.ts';

type Script = 'latin' | 'cyrillic' | 'han' | 'arabic' | 'greek';

/** A word in its own script and its Latin renderings; the first rendering is the usual one. */
interface Word {
  native: string;
  latin: readonly string[];
  /** Its identity: the usual Latin rendering, folded. */
  key: string;
  hash: number;
}

/** A legal form: text before and after the name (`OOO …`, `… GmbH`, `PT … Tbk`), in its script and in Latin. */
interface Affix {
  pre: string;
  post: string;
}
interface LegalForm {
  native: Affix;
  latin: readonly Affix[];
}

interface PersonVocabulary {
  given: readonly Word[];
  /** Middle names or patronymics; given names when absent. */
  middle?: readonly Word[];
  middleShare: number;
  /** People go by their middle name too (John Robert Smith is also Robert Smith): not for patronymics. */
  middleIsGiven?: boolean;
  family: readonly Word[];
  /** Second family name (Iberian). */
  family2Share?: number;
  familyFirst?: boolean;
}

interface CompanyVocabulary {
  brands: readonly Word[];
  /** Share of two-word brands ("Golden Eagle", "Sinar Jaya"). */
  brandPairShare: number;
  industries: readonly Word[];
  places?: readonly Word[];
  placeShare?: number;
  industryFirst?: boolean;
  forms: readonly LegalForm[];
}

interface Culture {
  name: string;
  script: Script;
  countries: readonly string[];
  person?: PersonVocabulary;
  company?: CompanyVocabulary;
  /** Relative share of the watchlist's people and companies. */
  weight: { person: number; company: number };
  /** Russian style: `ООО «Name»`. */
  quotes?: boolean;
}

const FOLD: Record<string, string> = { ı: 'i', đ: 'd', ß: 'ss', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe' };
/** Lower case without accents: the form in which two spellings of a word are the same word. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıđßøłæœ]/g, (c) => FOLD[c]!);
}

/** A 30-bit string hash (FNV-1a): small integers, so a million of them fit a Set cheaply. */
function hash30(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 30)) & 0x3fffffff;
}

const LATIN_TEXT = /^[\p{Script=Latin}\p{M}\s'’.,&/()-]+$/u;

/** `native|latin|latin…` entries, comma-separated; a Latin-script entry's own spelling is its first rendering. */
function words(list: string): Word[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const parts = s.split('|');
      return word(parts[0]!, LATIN_TEXT.test(parts[0]!) ? parts : parts.slice(1));
    });
}

function word(native: string, latin: readonly string[]): Word {
  const key = fold(latin[0]!);
  return { native, latin, key, hash: hash30(key) };
}

/**
 * Surnames made of a root and an ending (Ash+ton, Stein+berg, Бел+ов): many plausible names from two short
 * lists. Renderings are the roots' and endings' renderings combined (at most three).
 */
function composed(roots: string, endings: string): Word[] {
  const rs = words(roots);
  const es = words(endings);
  return rs.flatMap((r) => es.map((e) => word(r.native + e.native, r.latin.flatMap((a) => e.latin.map((b) => a + b)).slice(0, 3))));
}

/** Syllable pieces (`native|latin`, or Latin alone) from which brand words are invented. */
interface Syllables {
  onsets: readonly string[];
  vowels: readonly string[];
  codas: readonly string[];
  endings: readonly string[];
}

const LATIN_SYLLABLES: Syllables = {
  onsets: ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'fl', 'gr', 'pl', 'pr', 'st', 'tr'],
  vowels: ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ea'],
  codas: ['', '', 'n', 'r', 'l', 's', 'x', 'm', 'nt'],
  endings: ['x', 'n', 'ra', 'lia', 'tex', 'ron', 'nix', 'dor', 'mar', 'vo', 'sa'],
};

/**
 * Invented brand words (Vantex, Корима|Korima, Λαβινος|Lavinos): most real company names carry a word of
 * their own, so a watchlist of a million names has a long tail of rare words, not only "Golden" and "Trading".
 * Two syllables and sometimes an ending; deterministic for a seed.
 */
function invented(count: number, seed: number, pieces: Syllables): Word[] {
  const rnd = random(seed);
  const pick = (xs: readonly string[]) => xs[Math.floor(rnd() * xs.length)]!.split('|');
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  const out: Word[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const parts = [pick(pieces.onsets), pick(pieces.vowels), pick(pieces.codas), pick(pieces.onsets), pick(pieces.vowels), ...(rnd() < 0.5 ? [pick(pieces.endings)] : [])];
    const native = cap(parts.map((p) => p[0]).join(''));
    const latin = cap(parts.map((p) => p[1] ?? p[0]).join(''));
    if (seen.has(latin)) continue;
    seen.add(latin);
    out.push(word(native, [latin]));
  }
  return out;
}

/** Drops words within one edit (substitution, insertion, deletion or swap) of an earlier word, and repeats. */
function distinct(list: readonly Word[]): Word[] {
  const taken = new Set<string>();
  const out: Word[] = [];
  for (const w of list) {
    const near = [w.key];
    for (let i = 0; i < w.key.length; i++) near.push(w.key.slice(0, i) + w.key.slice(i + 1));
    if (near.some((k) => taken.has(k))) continue;
    for (const k of near) taken.add(k);
    out.push(w);
  }
  return out;
}

const affix = (text: string): Affix => {
  const [pre, post] = text.includes('…') ? text.split('…').map((s) => s.trim()) : ['', text.trim()];
  return { pre: pre!, post: post! };
};

/** `native|latin|latin…` per form; `…` marks where the name goes (a form without it follows the name). */
function forms(list: readonly string[]): LegalForm[] {
  return list.map((s) => {
    const parts = s.split('|');
    const latin = LATIN_TEXT.test(parts[0]!.replace('…', '')) ? parts : parts.slice(1);
    return { native: affix(parts[0]!), latin: latin.map(affix) };
  });
}

const ENGLISH_GIVEN = words(`Alan, Albert, Arthur, Bruce, Carl, Clarence, Craig, Dennis, Douglas, Earl, Eugene, Frederick, Gerald,
  Gordon, Harold, Henry, Howard, Jeremy, Keith, Lawrence, Leonard, Louis, Malcolm, Martin, Neil, Norman, Oliver, Patrick, Philip,
  Ralph, Raymond, Roger, Russell, Samuel, Simon, Stanley, Terence, Travis, Vincent, Walter, Wayne, Alice, Amy, Angela, Anne,
  Catherine, Charlotte, Christine, Diane, Doris, Evelyn, Frances, Gloria, Grace, Heather, Helen, Irene, Janet, Joan, Joyce, Judith,
  Julie, Katherine, Louise, Lucy, Marilyn, Martha, Megan, Natalie, Olivia, Pamela, Rachel, Rose, Ruth, Sophie, Teresa, Victoria,
  Virginia, Wendy, James, John, Robert, Michael, William, David, Richard, Joseph, Thomas, Charles, Christopher, Daniel,
  Matthew, Anthony, Mark, Donald, Steven, Paul, Andrew, Joshua, Kenneth, Kevin, Brian, George, Timothy, Ronald, Edward, Jason,
  Jeffrey, Ryan, Jacob, Gary, Nicholas, Eric, Jonathan, Stephen, Larry, Justin, Scott, Brandon, Mary, Patricia, Jennifer, Linda,
  Elizabeth, Barbara, Susan, Jessica, Sarah, Karen, Lisa, Nancy, Betty, Margaret, Sandra, Ashley, Kimberly, Emily, Donna,
  Michelle, Carol, Amanda, Melissa, Deborah, Stephanie, Rebecca, Sharon, Laura, Cynthia, Kathleen`);
const ENGLISH_COMPOSED = composed(
  `Ash, Black, Brad, Clay, Crom, Elling, Fair, Hart, Haw, Kings, Lang, Lock, Mel, Nor, Pem, Red, Rock, Stan, Stock, Thorn, Whit,
  Bel, Chad, Ches, Cran, Dun, Fen, Glad, Green, Hay, Hun, Ken, Kir, Lam, Mid, New, Old, Pit, Ram, Ros, Rut, Shel, Sut, Ten,
  Thurl, War, West, Wyn, Ald, Bick, Cob, Dray, Edge, Fitch, Gosh, Hux, Ing, Jex, Knap, Lud, Marl, Nether, Ock, Pres, Quen, Rix,
  Sned, Tib, Up, Ven, Wad, Yard`,
  `ton, ley, ford, wood, well, field, worth, by, ham, more, wick, stead, bury, combe, dale, land, ridge, shaw, hurst, man, ing,
  brook, thorpe, croft, gate, holt, den, low, ston, ward, cott, lake`,
);
const ENGLISH_FAMILY = words(`Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Moore, Jackson,
  Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright, Hill, Green, Adams, Baker, Nelson, Carter,
  Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Murphy, Cook, Rogers, Morgan,
  Cooper, Reed, Bailey, Bell, Kelly, Howard, Ward, Cox, Richardson, Wood, Watson, Brooks, Bennett, Gray, Hughes, Price, Sanders,
  Myers, Long, Ross, Foster, Powell, Jenkins, Perry, Russell, Sullivan, Fisher, Henderson, Coleman, Simmons, Patterson, Jordan,
  Reynolds, Hamilton, Graham, Wallace, O'Brien, McDonald, Kennedy, Fletcher, Harrison, Gibson`);

const GERMAN_GIVEN = words(`Alexander, Axel, Bernd, Detlef, Dirk, Egon, Erich, Ernst, Florian, Friedrich, Gerhard, Hans, Heinz,
  Holger, Ingo, Jens, Joachim, Kai, Karl, Konrad, Kurt, Manfred, Moritz, Norbert, Otto, Rainer, Reinhard, Rolf, Rüdiger|Ruediger,
  Siegfried, Thorsten, Ulrich, Volker, Werner, Anja, Bettina, Doris, Elke, Erika, Franziska, Gisela, Hannelore, Ilse, Karin,
  Lena, Marlene, Nicole, Sigrid, Silke, Ute, Waltraud, Andreas, Stefan, Christian, Markus, Frank, Jürgen|Juergen, Klaus, Uwe, Wolfgang, Peter, Dieter,
  Helmut, Matthias, Sebastian, Tobias, Jörg|Joerg, Horst, Günter|Guenter, Lukas, Jan, Niklas, Sven, Lars, Björn|Bjoern, Ursula,
  Sabine, Petra, Monika, Claudia, Susanne, Andrea, Birgit, Jutta, Anke, Katrin, Heike, Gabriele, Brigitte, Renate, Ingrid`);
const GERMAN_COMPOSED = composed(
  `Alt, Berg, Brand, Eich, Fels, Frei, Gold, Hoch, Kirch, Lichten, Linden, Neu, Ober, Rosen, Stein, Wald, Birn, Blum, Dorn, Eber,
  Falk, Fleisch, Hart, Hein, Holz, Kling, Kron, Mohr, Reich, Ried, Rott, Sand, Schön|Schoen, Sieg, Stark, Unter, Wein, Wies, Zell,
  Kalt, Mühl|Muehl, Grün|Gruen, Haber, Lerch, Pfaff, Trautt, Vogl, Wurm`,
  `mann, er, berg, feld, bach, hof, hausen, stein, thal, burg, hardt, meier, huber, brunner, reiter, inger, beck, hammer, horst,
  dorf, heim, kamp, wald, ecker`,
);
const GERMAN_FAMILY = words(`Müller|Mueller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,
  Schäfer|Schaefer, Koch, Bauer, Richter, Klein, Wolf, Schröder|Schroeder, Neumann, Schwarz, Zimmermann, Braun, Krüger|Krueger,
  Hartmann, Lange, Werner, Krause, Lehmann, Herrmann, König|Koenig, Walter, Huber, Kaiser, Fuchs, Scholz, Möller|Moeller,
  Weiß|Weiss, Jung, Hahn, Schubert, Vogel, Friedrich, Keller, Günther|Guenther, Berger, Winkler, Roth, Beck, Lorenz, Baumann,
  Albrecht, Schuster, Ludwig, Böhm|Boehm, Winter, Schumacher, Krämer|Kraemer, Vogt, Stein, Jäger|Jaeger, Otto, Sommer,
  Groß|Gross, Seidel, Heinrich, Brandt, Haas, Schreiber, Graf, Dietrich, Ziegler, Kuhn, Pohl, Engel, Horn, Busch, Bergmann,
  Voigt, Sauer, Arnold, Pfeiffer, Jansen, de Vries, van Dijk, Bakker, Visser, Andersson, Johansson, Karlsson, Nilsson, Eriksson,
  Larsen, Hansen, Nielsen, Virtanen, Korhonen`);

const IBERIAN_GIVEN = words(`Adriana, Alberto, Alicia, Álvaro|Alvaro, Amanda, Armando, Arturo, Benedito, Bruno, Cecília|Cecilia,
  César|Cesar, Cláudia|Claudia, Cristina, Daniela, Elena, Emilio, Enrique, Ernesto, Esteban, Felipe, Gilberto, Guillermo, Héctor|Hector,
  Hugo, Ignacio, Jaime, Julio, Leonardo, Lourdes, Marcelo, Mário|Mario, Martín|Martin, Nicolás|Nicolas, Óscar|Oscar, Pablo,
  Ramón|Ramon, Renata, Rosa, Salvador, Sílvia|Silvia, Teresa, Vicente, Víctor|Victor, Xavier, José|Jose, Juan, Luis, Carlos, Jorge, Miguel, Antonio, Francisco, Manuel, Pedro, Alejandro,
  Fernando, Ricardo, Eduardo, Roberto, Javier, Sergio, Raúl|Raul, Andrés|Andres, Diego, João|Joao, Paulo, Marcos, Rafael,
  Gonçalo|Goncalo, Tiago, Rodrigo, Gustavo, Sebastián|Sebastian, Joaquín|Joaquin, María|Maria, Ana, Carmen, Lucía|Lucia, Isabel,
  Sofía|Sofia, Paula, Beatriz, Fernanda, Gabriela, Juliana, Camila, Valentina, Mariana, Patrícia|Patricia, Luísa|Luisa,
  Inês|Ines, Conceição|Conceicao, Rosário|Rosario, Raimunda`);
const IBERIAN_FAMILY = words(`García|Garcia, Rodríguez|Rodriguez, Martínez|Martinez, López|Lopez, González|Gonzalez,
  Hernández|Hernandez, Pérez|Perez, Sánchez|Sanchez, Ramírez|Ramirez, Torres, Flores, Rivera, Gómez|Gomez, Díaz|Diaz, Morales,
  Reyes, Cruz, Ortiz, Gutiérrez|Gutierrez, Chávez|Chavez, Ramos, Ruiz, Álvarez|Alvarez, Mendoza, Vásquez|Vasquez, Castillo,
  Jiménez|Jimenez, Moreno, Romero, Herrera, Medina, Aguilar, Vargas, Castro, Guzmán|Guzman, Muñoz|Munoz, Rojas, Navarro,
  Domínguez|Dominguez, Silva, Santos, Oliveira, Souza|Sousa, Ferreira, Pereira, Costa, Almeida, Nascimento, Lima, Araújo|Araujo,
  Fernandes, Carvalho, Martins, Rocha, Ribeiro, Alves, Monteiro, Mendes, Barros, Freitas, Barbosa, Pinto, Moura, Cavalcanti,
  Dias, Teixeira, Correia, Cardoso, Aguirre, Arias, Ávila|Avila, Bravo, Cabrera, Calderón|Calderon, Campos, Carmona, Carrasco,
  Cortés|Cortes, Delgado, Durán|Duran, Escobar, Espinoza, Estrada, Fuentes, Gallardo, Garrido, Guerrero, Ibáñez|Ibanez,
  Iglesias, León|Leon, Lozano, Luna, Maldonado, Marín|Marin, Márquez|Marquez, Miranda, Molina, Montero, Núñez|Nunez, Ochoa,
  Orozco, Pacheco, Paredes, Peña|Pena, Ponce, Quintero, Quiroga, Rosales, Salazar, Salinas, Sandoval, Santana, Serrano,
  Solís|Solis, Soto, Suárez|Suarez, Valdez, Valencia, Vega, Velasco, Vidal, Zamora, Azevedo, Batista, Brandão|Brandao, Coelho,
  Cunha, Duarte, Farias, Fonseca, Guimarães|Guimaraes, Lacerda, Leite, Macedo, Magalhães|Magalhaes, Matos, Medeiros, Nogueira,
  Peixoto, Queiroz, Rezende, Sampaio, Siqueira, Tavares, Vasconcelos, Bezerra, Cavalcante, Figueiredo, Holanda, Jardim, Lopes,
  Meireles, Neves, Pimentel, Prado, Rebouças|Reboucas, Sales, Toledo, Uchoa, Varela`);

const FRENCH_GIVEN = words(`Jean, Pierre, Michel, André|Andre, Philippe, Jacques, François|Francois, Nicolas, Olivier,
  Christophe, Stéphane|Stephane, Sébastien|Sebastien, Frédéric|Frederic, Thierry, Éric|Eric, Jérôme|Jerome, Hélène|Helene,
  Isabelle, Nathalie, Sylvie, Catherine, Françoise|Francoise, Valérie|Valerie, Céline|Celine, Chloé|Chloe, Amélie|Amelie,
  Giuseppe, Giovanni, Francesco, Marco, Alessandro, Luca, Matteo, Lorenzo, Giulia, Chiara, Francesca, Alessandra, Paola, Aminata`);
const FRENCH_FAMILY = words(`Dubois, Durand, Lefèvre|Lefevre|Lefebvre, Leroy, Moreau, Girard, Bonnet, Dupont, Lambert,
  Fontaine, Rousseau, Vincent, Faure, Mercier, Blanc, Guérin|Guerin, Boyer, Garnier, Chevalier, Legrand, Gauthier, Perrin, Robin,
  Clément|Clement, Morin, Henry, Roussel, Mathieu, Masson, Marchand, Duval, Lemaire, Rossi, Russo, Ferrari, Esposito, Bianchi,
  Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Mancini, Giordano, Rizzo, Lombardi, Moretti, Traoré|Traore,
  Diallo, Koné|Kone, Ouattara, Coulibaly`);

const TURKISH_GIVEN = words(`Mehmet, Mustafa, Ahmet, Ali, Hüseyin|Huseyin, Hasan, İbrahim|Ibrahim, İsmail|Ismail, Osman,
  Yusuf, Murat, Ömer|Omer, Ramazan, Halil, Süleyman|Suleyman, Abdullah, Mahmut, Recep, Salih, Fatih, Kemal, Emre, Burak, Serkan,
  Volkan, Fatma, Ayşe|Ayse, Emine, Hatice, Zeynep, Elif, Meryem, Şerife|Serife, Zehra, Sultan, Hanife, Merve, Özlem|Ozlem,
  Gülsüm|Gulsum, Derya`);
const TURKISH_COMPOSED = composed(
  `Kara|Kara, Ak, Öz|Oz, Er, Gök|Gok, Ay, Tuna, Bal, Baş|Bas, Demir, Taş|Tas, Yıldır|Yildir, Çam|Cam, Doğ|Dog, Kurt, Sarı|Sari,
  Uzun, Yeşil|Yesil, Alp, Bay, Kılıç|Kilic, Orhan, Sevim, Tekin, Türk|Turk, Akın|Akin, Ulu, Koca, Toprak, Dağ|Dag`,
  `han, oğlu|oglu, can, soy, türk|turk, kaya, er, doğan|dogan, bay, gül|gul, yurt, taş|tas, alp, ocak, men, tekin`,
);
const TURKISH_FAMILY = words(`Yılmaz|Yilmaz, Kaya, Demir, Şahin|Sahin, Çelik|Celik, Yıldız|Yildiz, Yıldırım|Yildirim,
  Öztürk|Ozturk, Aydın|Aydin, Özdemir|Ozdemir, Arslan, Doğan|Dogan, Kılıç|Kilic, Çetin|Cetin, Kara, Koç|Koc, Kurt, Özkan|Ozkan,
  Şimşek|Simsek, Polat, Korkmaz, Çakır|Cakir, Erdoğan|Erdogan, Yavuz, Acar, Aktaş|Aktas, Güler|Guler, Yalçın|Yalcin,
  Güneş|Gunes, Bozkurt, Bulut, Keskin, Ünal|Unal, Turan, Özer|Ozer, Işık|Isik, Kaplan, Avcı|Avci, Tekin, Köse|Kose,
  Yüksel|Yuksel, Ateş|Ates, Aksoy, Karaca, Uysal, Erdem, Duman, Tunç|Tunc`);

const RUSSIAN_GIVEN = words(`Антон|Anton, Арсений|Arseny|Arseniy, Богдан|Bogdan, Вадим|Vadim, Валентин|Valentin,
  Василий|Vasily|Vasiliy, Виталий|Vitaly|Vitaliy, Вячеслав|Vyacheslav, Геннадий|Gennady|Gennadiy, Георгий|Georgy|Georgiy,
  Глеб|Gleb, Григорий|Grigory|Grigoriy, Данила|Danila, Егор|Yegor|Egor, Илья|Ilya|Ilia, Константин|Konstantin, Леонид|Leonid,
  Матвей|Matvey|Matvei, Никита|Nikita, Пётр|Pyotr|Petr, Руслан|Ruslan, Семён|Semyon|Semen, Станислав|Stanislav, Тимур|Timur,
  Фёдор|Fyodor|Fedor, Эдуард|Eduard, Ярослав|Yaroslav, Алина|Alina, Валентина|Valentina, Вера|Vera, Галина|Galina, Дарья|Darya|Daria,
  Евгения|Yevgeniya|Evgenia, Жанна|Zhanna, Зоя|Zoya, Кристина|Kristina, Лариса|Larisa, Любовь|Lyubov|Liubov, Людмила|Lyudmila|Liudmila,
  Надежда|Nadezhda, Нина|Nina, Оксана|Oksana, Полина|Polina, Юлия|Yuliya|Yulia, Александр|Aleksandr|Alexander|Alexandr, Сергей|Sergey|Sergei, Дмитрий|Dmitry|Dmitriy|Dmitrii,
  Андрей|Andrey|Andrei, Алексей|Aleksey|Alexey|Aleksei, Максим|Maksim|Maxim, Евгений|Yevgeny|Evgeny|Evgenii, Иван|Ivan,
  Михаил|Mikhail, Николай|Nikolay|Nikolai, Владимир|Vladimir, Павел|Pavel, Олег|Oleg, Юрий|Yury|Yuri|Iurii, Виктор|Viktor|Victor,
  Игорь|Igor, Роман|Roman, Артём|Artyom|Artem|Artiom, Кирилл|Kirill, Денис|Denis, Ольга|Olga, Елена|Yelena|Elena,
  Наталья|Natalya|Natalia|Natalia, Татьяна|Tatyana|Tatiana, Ирина|Irina, Светлана|Svetlana, Анна|Anna, Мария|Mariya|Maria,
  Екатерина|Yekaterina|Ekaterina, Анастасия|Anastasiya|Anastasia`);
const RUSSIAN_MIDDLE = words(`Александрович|Aleksandrovich|Alexandrovich, Сергеевич|Sergeyevich|Sergeevich,
  Владимирович|Vladimirovich, Николаевич|Nikolayevich|Nikolaevich, Иванович|Ivanovich, Петрович|Petrovich,
  Михайлович|Mikhaylovich|Mikhailovich, Викторович|Viktorovich, Юрьевич|Yuryevich|Yurievich|Iurevich,
  Андреевич|Andreyevich|Andreevich, Алексеевич|Alekseyevich|Alekseevich, Дмитриевич|Dmitriyevich|Dmitrievich,
  Анатольевич|Anatolyevich|Anatolievich, Олегович|Olegovich, Геннадьевич|Gennadyevich|Gennadievich, Борисович|Borisovich,
  Валерьевич|Valeryevich|Valerievich, Игоревич|Igorevich, Александровна|Aleksandrovna|Alexandrovna, Сергеевна|Sergeyevna|Sergeevna,
  Владимировна|Vladimirovna, Николаевна|Nikolayevna|Nikolaevna, Ивановна|Ivanovna, Викторовна|Viktorovna`);
const RUSSIAN_COMPOSED = composed(
  `Бел|Bel, Вор|Vor, Гор|Gor, Жар|Zhar, Крас|Kras, Лап|Lap, Мир|Mir, Нос|Nos, Рыб|Ryb, Сав|Sav, Тих|Tikh, Хром|Khrom, Чер|Cher,
  Шум|Shum, Юд|Yud, Яр|Yar, Бур|Bur, Глад|Glad, Дрозд|Drozd, Ерш|Yersh|Ersh, Жук|Zhuk, Зуб|Zub, Клим|Klim, Кнут|Knut, Лис|Lis,
  Мух|Mukh, Нарыш|Narysh, Остр|Ostr, Пуш|Push, Руд|Rud, Сух|Sukh, Тверд|Tverd, Утк|Utk, Хлеб|Khleb, Цвет|Tsvet, Чиж|Chizh,
  Шап|Shap, Щук|Shchuk, Ягод|Yagod, Брус|Brus, Вихр|Vikhr, Гриб|Grib, Дуб|Dub, Ерем|Yerem|Erem, Журав|Zhurav, Каш|Kash, Лом|Lom,
  Мороз|Moroz, Орех|Orekh, Перепел|Perepel, Ряб|Ryab, Скор|Skor, Топор|Topor, Фом|Fom, Холод|Kholod, Чест|Chest`,
  `ов|ov, ин|in, ский|sky|skiy, енко|enko, цов|tsov, ович|ovich, ухин|ukhin, ичев|ichev|ichyov`,
);
const RUSSIAN_FAMILY = words(`Иванов|Ivanov, Смирнов|Smirnov, Кузнецов|Kuznetsov, Попов|Popov, Васильев|Vasilyev|Vasiliev,
  Петров|Petrov, Соколов|Sokolov, Михайлов|Mikhaylov|Mikhailov, Новиков|Novikov, Фёдоров|Fyodorov|Fedorov, Морозов|Morozov,
  Волков|Volkov, Алексеев|Alekseyev|Alekseev, Лебедев|Lebedev, Семёнов|Semyonov|Semenov, Егоров|Yegorov|Egorov, Павлов|Pavlov,
  Козлов|Kozlov, Степанов|Stepanov, Николаев|Nikolayev|Nikolaev, Орлов|Orlov, Андреев|Andreyev|Andreev, Макаров|Makarov,
  Никитин|Nikitin, Захаров|Zakharov|Zaharov, Зайцев|Zaytsev|Zaitsev, Соловьёв|Solovyov|Soloviev, Борисов|Borisov,
  Яковлев|Yakovlev|Iakovlev, Григорьев|Grigoryev|Grigoriev, Романов|Romanov, Воробьёв|Vorobyov|Vorobiev, Кузьмин|Kuzmin,
  Фролов|Frolov, Дмитриев|Dmitriyev|Dmitriev, Королёв|Korolyov|Korolev, Гусев|Gusev, Киселёв|Kiselyov|Kiselev, Ильин|Ilyin|Ilin,
  Максимов|Maksimov|Maximov, Поляков|Polyakov|Poliakov, Сорокин|Sorokin, Виноградов|Vinogradov, Ковалёв|Kovalyov|Kovalev,
  Белов|Belov, Медведев|Medvedev, Антонов|Antonov, Тарасов|Tarasov, Жуков|Zhukov, Баранов|Baranov, Филиппов|Filippov,
  Комаров|Komarov, Давыдов|Davydov, Беляев|Belyayev|Beliaev, Герасимов|Gerasimov, Богданов|Bogdanov, Осипов|Osipov,
  Сидоров|Sidorov, Нурланов|Nurlanov, Ахметов|Akhmetov|Ahmetov, Каримов|Karimov, Юсупов|Yusupov|Iusupov`);

// Chinese given names are one or two characters; two-character names are written as one word in pinyin.
const CHINESE_GIVEN_CHARS = words(`伟|Wei, 芳|Fang, 娜|Na, 敏|Min, 静|Jing, 丽|Li, 强|Qiang, 磊|Lei, 军|Jun, 洋|Yang, 勇|Yong,
  艳|Yan, 杰|Jie, 涛|Tao, 明|Ming, 超|Chao, 秀|Xiu, 霞|Xia, 平|Ping, 刚|Gang, 桂|Gui, 英|Ying, 华|Hua, 建|Jian, 国|Guo, 文|Wen,
  志|Zhi, 海|Hai, 红|Hong, 玉|Yu, 金|Jin, 春|Chun, 小|Xiao, 德|De, 新|Xin, 晨|Chen, 浩|Hao, 俊|Jun, 峰|Feng, 鹏|Peng, 辉|Hui,
  亮|Liang, 成|Cheng, 林|Lin, 龙|Long, 云|Yun, 飞|Fei, 波|Bo, 斌|Bin, 东|Dong, 嘉|Jia, 雪|Xue, 梅|Mei, 兰|Lan, 婷|Ting, 慧|Hui,
  淑|Shu, 凤|Feng, 燕|Yan, 萍|Ping, 娟|Juan, 琴|Qin, 荣|Rong, 博|Bo, 睿|Rui`);
const CHINESE_GIVEN: Word[] = [
  ...CHINESE_GIVEN_CHARS,
  ...CHINESE_GIVEN_CHARS.flatMap((a) =>
    CHINESE_GIVEN_CHARS.filter((b) => b !== a).map((b) => word(a.native + b.native, [a.latin[0]! + b.latin[0]!.toLowerCase()])),
  ),
];
const CHINESE_FAMILY = words(`王|Wang, 李|Li, 张|Zhang|Chang, 刘|Liu, 陈|Chen|Chan, 杨|Yang, 黄|Huang|Wong, 赵|Zhao, 吴|Wu,
  周|Zhou|Chou, 徐|Xu|Hsu, 孙|Sun, 马|Ma, 朱|Zhu, 胡|Hu, 郭|Guo, 何|He, 高|Gao, 林|Lin|Lam, 罗|Luo, 郑|Zheng|Cheng, 梁|Liang,
  谢|Xie, 宋|Song, 唐|Tang, 韩|Han, 冯|Feng, 邓|Deng, 曹|Cao, 彭|Peng, 曾|Zeng, 肖|Xiao, 田|Tian, 董|Dong, 袁|Yuan, 潘|Pan,
  于|Yu, 蒋|Jiang, 蔡|Cai|Tsai, 杜|Du, 叶|Ye, 程|Cheng, 魏|Wei, 苏|Su, 吕|Lü|Lyu|Lv, 丁|Ding, 任|Ren, 沈|Shen, 姚|Yao, 崔|Cui,
  钟|Zhong, 谭|Tan, 范|Fan, 金|Jin, 廖|Liao, 贾|Jia, 夏|Xia, 付|Fu, 方|Fang, 白|Bai, 邹|Zou, 孟|Meng, 熊|Xiong, 秦|Qin, 邱|Qiu,
  尹|Yin, 薛|Xue, 段|Duan, 雷|Lei, 侯|Hou, 龙|Long, 陶|Tao, 顾|Gu, 毛|Mao, 郝|Hao, 龚|Gong, 邵|Shao, 万|Wan, 钱|Qian, 戴|Dai,
  莫|Mo, 孔|Kong, 向|Xiang`);
// Brands are two characters, each from a short list of auspicious ones (恒盛, 华达, 鑫源 …).
const CHINESE_BRAND_CHARS = words(`恒|Heng, 盛|Sheng, 华|Hua, 达|Da, 鑫|Xin, 源|Yuan, 泰|Tai, 丰|Feng, 隆|Long, 兴|Xing, 宏|Hong,
  永|Yong, 金|Jin, 天|Tian, 利|Li, 通|Tong, 瑞|Rui, 康|Kang, 富|Fu, 荣|Rong, 凯|Kai, 佳|Jia, 德|De, 正|Zheng, 美|Mei, 博|Bo,
  中|Zhong, 海|Hai, 东|Dong, 光|Guang, 明|Ming, 宝|Bao, 祥|Xiang, 昌|Chang, 威|Wei, 科|Ke, 晶|Jing, 万|Wan, 汇|Hui, 邦|Bang,
  辰|Chen, 诚|Cheng, 驰|Chi, 创|Chuang, 聪|Cong, 迪|Di, 鼎|Ding, 帆|Fan, 方|Fang, 菲|Fei, 冠|Guan, 国|Guo, 航|Hang, 豪|Hao,
  禾|He, 虎|Hu, 吉|Ji, 杰|Jie, 骏|Jun, 坤|Kun, 朗|Lang, 乐|Le, 联|Lian, 林|Lin, 伦|Lun, 迈|Mai, 茂|Mao, 宁|Ning, 鹏|Peng, 奇|Qi,
  庆|Qing, 仁|Ren, 润|Run, 赛|Sai, 尚|Shang, 石|Shi, 顺|Shun, 思|Si, 腾|Teng, 拓|Tuo, 旺|Wang, 文|Wen, 雄|Xiong, 旭|Xu, 轩|Xuan,
  亚|Ya, 扬|Yang, 耀|Yao, 益|Yi, 宇|Yu, 悦|Yue, 泽|Ze, 展|Zhan, 振|Zhen, 智|Zhi, 卓|Zhuo, 资|Zi`);
const CHINESE_BRANDS: Word[] = CHINESE_BRAND_CHARS.flatMap((a) =>
  CHINESE_BRAND_CHARS.filter((b) => b !== a).map((b) => word(a.native + b.native, [a.latin[0]! + b.latin[0]!.toLowerCase()])),
);

const ARABIC_GIVEN = words(`محمد|Mohammed|Muhammad|Mohamed, أحمد|Ahmed|Ahmad, علي|Ali, حسن|Hassan|Hasan,
  حسين|Hussein|Hussain|Husayn, خالد|Khaled|Khalid, عمر|Omar|Umar, يوسف|Youssef|Yusuf|Yousef, إبراهيم|Ibrahim|Ebrahim,
  عبد الله|Abdullah|Abdallah|Abd Allah, عبد الرحمن|Abdulrahman|Abdel Rahman|Abd al-Rahman, سعيد|Saeed|Said|Saied,
  محمود|Mahmoud|Mahmud, مصطفى|Mustafa|Mostafa, طارق|Tariq|Tarek, كريم|Karim|Kareem, ناصر|Nasser|Nasir, جمال|Jamal|Gamal,
  صالح|Saleh|Salih, فيصل|Faisal|Faysal, سلمان|Salman, حمد|Hamad, راشد|Rashid|Rashed, زياد|Ziad|Ziyad, عادل|Adel|Adil,
  وليد|Walid|Waleed, هشام|Hisham|Hesham, ماجد|Majed|Majid, نبيل|Nabil|Nabeel, فاطمة|Fatima|Fatma, عائشة|Aisha|Aysha,
  مريم|Maryam|Mariam, زينب|Zainab|Zeinab, نور|Nour|Noor, ليلى|Layla|Leila`);
const ARABIC_FAMILY = words(`الحسن|Al-Hassan|Al Hasan|Alhassan, الخطيب|Al-Khatib|Al Khateeb|El Khatib, المصري|Al-Masri|El-Masry,
  الشامي|Al-Shami|Al Shami|El Shami, الحلبي|Al-Halabi|Halabi, الزهراني|Al-Zahrani|Al Zahrani, القحطاني|Al-Qahtani|Al Qahtani|Alqahtani,
  العتيبي|Al-Otaibi|Al Otaibi|Alotaibi, الدوسري|Al-Dosari|Al Dossary|Aldosari, الغامدي|Al-Ghamdi|Al Ghamdi,
  الشمري|Al-Shammari|Al Shammari, المطيري|Al-Mutairi|Al Mutairi, الكعبي|Al-Kaabi|Al Kaabi, النعيمي|Al-Nuaimi|Al Nuaimi,
  الهاشمي|Al-Hashimi|Al Hashemi, العبيدي|Al-Obaidi|Al Obaidi, الجبوري|Al-Jubouri|Al Jubouri, التميمي|Al-Tamimi|Al Tamimi,
  البغدادي|Al-Baghdadi|Al Baghdadi, الحداد|Al-Haddad|Haddad, النجار|Al-Najjar|Najjar, منصور|Mansour|Mansur, خوري|Khoury|Khouri,
  عثمان|Osman|Othman|Uthman, سليمان|Suleiman|Sulaiman|Soliman, يعقوب|Yacoub|Yaqub, العلي|Al-Ali|Al Ali, الراشد|Al-Rashid|Al Rashed,
  السعدي|Al-Saadi|Al Saadi, الأنصاري|Al-Ansari|Al Ansari, الفارس|Al-Fares|Al Faris, الصباغ|Al-Sabbagh|Sabbagh,
  العمري|Al-Omari|Al Omari, الزعبي|Al-Zoubi|Al Zoubi, البدوي|Al-Badawi|El Badawi`);
const ARABIC_BRANDS = words(`النور|Al Nour|Al-Noor|Alnoor, الأمل|Al Amal|Al-Amal, الفجر|Al Fajr|Al-Fajer, الهدى|Al Huda|Al-Houda,
  السلام|Al Salam|Al-Salaam|As-Salam, الخليج|Al Khaleej|Al-Khalij, الشرق|Al Sharq|Al-Shark, الوطنية|Al Wataniya|Al-Wataniyah,
  الجزيرة|Al Jazeera|Al-Jazira, الصفا|Al Safa|As-Safa, المروة|Al Marwa|Al-Marwah, النخيل|Al Nakheel|Al-Nakhil,
  الواحة|Al Waha|Al-Wahah, الأصيل|Al Aseel|Al-Asil, الريان|Al Rayyan|Ar-Rayyan, الزهراء|Al Zahraa|Az-Zahra,
  الإتحاد|Al Ittihad|Al-Etihad, النجمة|Al Najma|An-Najmah, البركة|Al Baraka|Al-Barakah, الأندلس|Al Andalus|Al-Andalous,
  الهلال|Al Hilal|Al-Helal, الفرات|Al Furat|Al-Forat, دجلة|Dijla|Dijlah, النيل|Al Nil|El Nil, الأهرام|Al Ahram|El Ahram,
  القدس|Al Quds|Al-Qods, بغداد|Baghdad, دبي|Dubai`);
const ARABIC_INDUSTRIES = words(`للتجارة|Lil Tijara|Lil-Tijarah, للمقاولات|Lil Muqawalat|Lil-Muqawalat, للنسيج|Lil Naseej|Lil-Nasij,
  للصناعات|Lil Sinaat|Lil-Sinaat, للاستيراد والتصدير|Lil Istiraad wal Tasdeer|Lil-Istirad wa-Tasdir, للنقل|Lil Naql|Lil-Naql,
  للتوريدات|Lil Tawreedat|Lil-Tawridat, للأغذية|Lil Aghdhiya|Lil-Aghdhiyah, للتعدين|Lil Taadeen|Lil-Tadin, للطاقة|Lil Taqa|Lil-Taqah,
  للإنشاءات|Lil Inshaat|Lil-Inshaat, للملابس|Lil Malabis|Lil-Malabes, للحديد والصلب|Lil Hadid wal Salb|Lil-Hadeed wa-Salb,
  للخدمات|Lil Khadamat|Lil-Khadamat, للاستثمار|Lil Istithmar|Lil-Istismar, للسياحة|Lil Siyaha|Lil-Siyahah, للزراعة|Lil Ziraa|Lil-Zira'a,
  للأمن|Lil Amn|Lil-Amn, للتوظيف|Lil Tawdheef|Lil-Tawzif, للتنظيف|Lil Tandheef|Lil-Tanzif`);

const GREEK_GIVEN = words(`Γεώργιος|Georgios|Giorgos, Ιωάννης|Ioannis|Giannis, Κωνσταντίνος|Konstantinos|Constantinos,
  Δημήτριος|Dimitrios, Νικόλαος|Nikolaos, Παναγιώτης|Panagiotis|Panayiotis, Βασίλειος|Vasileios|Vasilios, Χρήστος|Christos|Hristos,
  Αθανάσιος|Athanasios, Μιχαήλ|Michail|Michael, Ευάγγελος|Evangelos, Σπυρίδων|Spyridon|Spiridon, Αντώνιος|Antonios,
  Αναστάσιος|Anastasios, Θεόδωρος|Theodoros, Ανδρέας|Andreas, Μαρία|Maria, Ελένη|Eleni, Αικατερίνη|Aikaterini|Ekaterini,
  Βασιλική|Vasiliki, Σοφία|Sofia|Sophia, Αγγελική|Angeliki, Ευαγγελία|Evangelia, Δήμητρα|Dimitra, Γεωργία|Georgia, Χριστίνα|Christina`);
const GREEK_FAMILY = words(`Παπαδόπουλος|Papadopoulos, Παπαδάκης|Papadakis, Παππάς|Pappas, Οικονόμου|Oikonomou|Economou,
  Γεωργίου|Georgiou, Νικολάου|Nikolaou, Βασιλείου|Vasileiou, Δημητρίου|Dimitriou, Ιωάννου|Ioannou, Κωνσταντίνου|Konstantinou,
  Αντωνίου|Antoniou, Μακρής|Makris, Αλεξίου|Alexiou, Καραγιάννης|Karagiannis|Karayannis, Παπανικολάου|Papanikolaou,
  Μαυρίδης|Mavridis, Χατζηδάκης|Chatzidakis|Hatzidakis, Κωστόπουλος|Kostopoulos, Αθανασίου|Athanasiou, Μιχαηλίδης|Michailidis,
  Ευαγγέλου|Evangelou, Σταθόπουλος|Stathopoulos, Πετρόπουλος|Petropoulos, Λαμπράκης|Lambrakis|Lamprakis, Ζαχαρίου|Zachariou,
  Θεοδωρίδης|Theodoridis, Αναστασίου|Anastasiou, Χριστοδούλου|Christodoulou, Σαμαράς|Samaras, Βλάχος|Vlachos,
  Ραφαηλίδης|Rafailidis, Διαμαντής|Diamantis, Σπανός|Spanos, Τσακίρης|Tsakiris, Κυριακίδης|Kyriakidis|Kiriakidis`);

const VIETNAMESE_FAMILY = words(`Nguyễn|Nguyen, Trần|Tran, Lê|Le, Phạm|Pham, Hoàng|Hoang, Huỳnh|Huynh, Phan, Vũ|Vu, Võ|Vo,
  Đặng|Dang, Bùi|Bui, Đỗ|Do, Hồ|Ho, Ngô|Ngo, Dương|Duong, Lý|Ly`);
const VIETNAMESE_MIDDLE = words(`Văn|Van, Thị|Thi, Minh, Hữu|Huu, Đức|Duc, Thanh, Quốc|Quoc, Ngọc|Ngoc, Xuân|Xuan, Công|Cong,
  Đình|Dinh, Kim`);
const VIETNAMESE_GIVEN = words(`An, Bình|Binh, Cường|Cuong, Dũng|Dung, Hải|Hai, Hùng|Hung, Khánh|Khanh, Long, Nam, Phong, Quang,
  Sơn|Son, Thắng|Thang, Tuấn|Tuan, Việt|Viet, Hương|Huong, Lan, Linh, Mai, Thảo|Thao, Trang, Hà|Ha, Hạnh|Hanh, Yến|Yen, Phúc|Phuc,
  Tâm|Tam, Trung, Hiếu|Hieu, Thủy|Thuy, Nhung`);

const CULTURE_LISTS: readonly Culture[] = [
  {
    name: 'english',
    script: 'latin',
    countries: ['GB', 'US', 'IE', 'IN', 'SG', 'HK', 'AU', 'CA', 'BD', 'PK', 'NG', 'KE', 'AE'],
    weight: { person: 10, company: 12 },
    person: { given: ENGLISH_GIVEN, middleShare: 0.4, middleIsGiven: true, family: [...ENGLISH_FAMILY, ...ENGLISH_COMPOSED] },
    company: {
      brands: words(`Golden, Silver, Royal, Global, United, Pacific, Atlantic, Northern, Southern, Eastern, Western, Coastal, Summit,
        Pinnacle, Apex, Crown, Eagle, Falcon, Phoenix, Lion, Tiger, Dragon, Star, Sunrise, Sunshine, Rainbow, Evergreen, Greenfield,
        Riverside, Lakeside, Highland, Oakwood, Maple, Cedar, Willow, Diamond, Crystal, Sapphire, Emerald, Pearl, Liberty, Heritage,
        Pioneer, Frontier, Horizon, Vista, Meridian, Zenith, Vertex, Prime, Alpha, Omega, Sigma, Orion, Atlas, Titan, Nova, Stellar,
        Harbor, Anchor, Beacon, Bridge, Keystone, Cornerstone, Premier, Superior, Unity, Victory, Trident, Compass, Fortune, Prosperity,
        Harmony, Brothers`).concat(invented(8000, 11, LATIN_SYLLABLES)),
      brandPairShare: 0.5,
      industries: words(`Textiles, Garments, Apparel, Knitwear, Cotton, Fabrics, Seafood, Fisheries, Foods, Agro, Farms, Plantations,
        Rubber, Gloves, Electronics, Solar, Energy, Power, Mining, Minerals, Metals, Steel, Chemicals, Plastics, Packaging, Logistics,
        Shipping, Trading, Imports, Exports, Holdings, Industries, Manufacturing, Technology, Components, Machinery, Construction,
        Builders, Engineering, Furniture, Timber, Paper, Toys, Footwear, Leather, Cocoa, Coffee, Tea, Sugar, Palm Oil`),
      places: words(`Asia, Europe, America, International, Worldwide, Hong Kong, Singapore, Dubai, London, Delhi, Mumbai, Chennai,
        Dhaka, Karachi, Lagos, Nairobi, Sydney, Toronto, Texas, Carolina`),
      placeShare: 0.3,
      forms: forms(['Ltd|Ltd.|Limited', 'LLC|L.L.C.', 'Inc.|Inc|Incorporated', 'PLC|plc|Public Limited Company', 'Corp.|Corp|Corporation',
        'Co., Ltd.|Co. Ltd|Company Limited', 'Pvt. Ltd.|Pvt Ltd|Private Limited', 'LLP|L.L.P.', 'Pte. Ltd.|Pte Ltd', 'Co.|Company']),
    },
  },
  {
    name: 'german',
    script: 'latin',
    countries: ['DE', 'AT', 'CH', 'NL', 'SE', 'DK', 'FI'],
    weight: { person: 5, company: 6 },
    person: { given: GERMAN_GIVEN, middleShare: 0.3, middleIsGiven: true, family: [...GERMAN_FAMILY, ...GERMAN_COMPOSED] },
    company: {
      brands: words(`Nordstern, Südwind|Suedwind, Alpen, Rhein, Elbe, Donau, Adler, Falke, Eiche, Linde, Sonnen, Stern, Blau,
        Grün|Gruen, Schwarzwald, Hansa, Nord, Ost, West, Ruhr, Main, Bavaria, Saxonia, Germania, Westfalia, Merkur, Vulkan,
        Phönix|Phoenix, Kristall, Edelweiß|Edelweiss, Tannen, Birken, Ahorn, Kastanien, Fichten, Brüder|Brueder`).concat(
        invented(3000, 12, { ...LATIN_SYLLABLES, onsets: [...LATIN_SYLLABLES.onsets, 'sch', 'kr', 'fr', 'w'], endings: ['ler', 'ner', 'tex', 'mar', 'ling', 'rau'] }),
      ),
      brandPairShare: 0.3,
      industries: words(`Textil, Bekleidung, Stahl, Metall, Maschinenbau, Chemie, Kunststoff, Elektronik, Solartechnik, Energie,
        Logistik, Spedition, Handel, Handelsgesellschaft, Bau, Bauunternehmung, Holz, Papier, Druck, Verpackung, Lebensmittel,
        Fleischwaren, Landwirtschaft, Agrar, Werkzeug, Automobil, Fahrzeugbau, Antriebstechnik, Medizintechnik, Pharma,
        Möbel|Moebel, Leder, Schuh, Spielwaren, Glas`),
      places: words(`Berlin, Hamburg, München|Muenchen, Köln|Koeln, Frankfurt, Stuttgart, Düsseldorf|Duesseldorf, Dortmund, Leipzig,
        Bremen, Dresden, Hannover, Nürnberg|Nuernberg, Wien, Zürich|Zuerich, Rotterdam, Göteborg|Goeteborg, Hessen, Sachsen`),
      placeShare: 0.25,
      forms: forms(['GmbH', 'GmbH & Co. KG|GmbH & Co KG', 'AG|Aktiengesellschaft', 'KG', 'e.K.', 'UG (haftungsbeschränkt)|UG', 'B.V.|BV',
        'N.V.|NV', 'AB', 'A/S', 'Oy', 'SE']),
    },
  },
  {
    name: 'iberian',
    script: 'latin',
    countries: ['BR', 'MX', 'ES', 'PT', 'AR', 'CO', 'PE', 'EC', 'CL'],
    weight: { person: 6, company: 7 },
    person: { given: IBERIAN_GIVEN, middleShare: 0.3, middleIsGiven: true, family: IBERIAN_FAMILY, family2Share: 0.6 },
    company: {
      brands: [
        ...words(`Santa Luzia, Santa Maria, São José|Sao Jose, São João|Sao Joao, Santo Antônio|Santo Antonio, Boa Vista, Bela Vista,
        Boa Esperança|Boa Esperanca, Nova Esperança|Nova Esperanca, Bom Jesus, Primavera, Progresso, Aurora, Estrela, Ouro Verde,
        Rio Verde, Rio Claro, Monte Alegre, Vale do Sol, Três Irmãos|Tres Irmaos, Paraíso|Paraiso, Esperanza, San Martín|San Martin,
        San Miguel, Los Andes, Del Pacífico|Del Pacifico, El Sol, Andina, Del Valle, Sierra Nevada, Mar Azul, Tierra Firme,
        Buena Vista, Las Palmas`),
        ...IBERIAN_FAMILY,
        ...invented(3000, 13, { ...LATIN_SYLLABLES, endings: ['ra', 'no', 'lia', 'tal', 'nex', 'mana', 'dero'] }),
      ],
      brandPairShare: 0.4,
      industries: words(`Agropecuária|Agropecuaria, Agrícola|Agricola, Pecuária|Pecuaria, Fazenda, Carvoaria, Madeireira, Construtora,
        Mineração|Mineracao, Siderúrgica|Siderurgica, Têxtil|Textil, Confecções|Confeccoes, Calçados|Calcados,
        Frigorífico|Frigorifico, Laticínios|Laticinios, Usina, Destilaria, Cerâmica|Ceramica, Transportadora, Comercial,
        Distribuidora, Indústria|Industria, Pesquera, Minera, Constructora, Agroindustrial, Inversiones, Servicios,
        Alimentos, Exportadora, Importadora, Cafetalera, Bananera, Florícola|Floricola, Camaronera`),
      industryFirst: true,
      forms: forms(['Ltda|Ltda.|Limitada', 'S.A.|SA|Sociedad Anónima', 'S/A|S.A.|Sociedade Anônima', 'S.L.|SL', 'S.A.C.|SAC',
        'S.A. de C.V.|SA de CV', 'EIRELI|Eireli', 'ME', 'S.R.L.|SRL', 'Cia.|Companhia']),
    },
  },
  {
    name: 'french-italian',
    script: 'latin',
    countries: ['FR', 'BE', 'IT', 'CH', 'CI', 'SN', 'CM', 'MA', 'TN'],
    weight: { person: 4, company: 4 },
    person: { given: FRENCH_GIVEN, middleShare: 0.25, middleIsGiven: true, family: FRENCH_FAMILY },
    company: {
      brands: [
        ...words(`du Nord, du Sud, de l'Ouest, de l'Est, Atlantique, Méditerranée|Mediterranee, Alpes, Provence, Bretagne, Normandie,
        Lorraine, Aquitaine, Soleil, Étoile|Etoile, Avenir, Lumière|Lumiere, Océan|Ocean, Riviera, Toscana, Lombarda, Veneta,
        Adriatica, Sole, Stella, Italia, Europa, Sahel, Ivoire`),
        ...FRENCH_FAMILY,
        ...invented(2000, 14, { ...LATIN_SYLLABLES, endings: ['rine', 'lle', 'tex', 'nia', 'rone', 'vard', 'tti'] }),
      ],
      brandPairShare: 0.2,
      industries: words(`Textiles, Confection, Transports, Bâtiment|Batiment, Travaux Publics, Agroalimentaire, Pêcheries|Pecheries,
        Cacao, Café|Cafe, Plantations, Mines, Métallurgie|Metallurgie, Chimie, Électronique|Electronique, Énergie|Energie, Logistique,
        Négoce|Negoce, Distribution, Industries, Tessile, Abbigliamento, Calzature, Costruzioni, Trasporti, Alimentari, Meccanica,
        Acciai, Chimica, Pelletteria, Mobili`),
      industryFirst: true,
      forms: forms(['SARL|S.A.R.L.|Sàrl', 'SAS|S.A.S.', 'SA|S.A.|Société Anonyme', 'EURL', 'SNC', 'S.p.A.|SpA|S.P.A.', 'S.r.l.|Srl|S.R.L.']),
    },
  },
  {
    name: 'turkish',
    script: 'latin',
    countries: ['TR', 'CY', 'AZ'],
    weight: { person: 2, company: 4 },
    person: { given: TURKISH_GIVEN, middleShare: 0.2, middleIsGiven: true, family: [...TURKISH_FAMILY, ...TURKISH_COMPOSED] },
    company: {
      brands: words(`Ege, Akdeniz, Karadeniz, Anadolu, Marmara, Toros, Doğu|Dogu, Batı|Bati, Kuzey, Güney|Guney, Altın|Altin,
        Gümüş|Gumus, Özgür|Ozgur, Zafer, Başak|Basak, İpek|Ipek, Deniz, Yeni, Büyük|Buyuk, Mavi, Yeşil|Yesil, Kartal, Ceylan, Lale,
        Nur, Bereket, Umut, Kardeşler|Kardesler, Ortadoğu|Ortadogu, Yıldız|Yildiz, Demir, Çelik|Celik`).concat(
        invented(3000, 15, { ...LATIN_SYLLABLES, onsets: [...LATIN_SYLLABLES.onsets, 'ç', 'ş', 'y'], vowels: ['a', 'e', 'i', 'o', 'u', 'ı', 'ü', 'ö'], endings: ['han', 'ler', 'tek', 'soy', 'kan', 'tay'] }),
      ),
      brandPairShare: 0.3,
      industries: words(`Tekstil, Konfeksiyon, İplik|Iplik, Dokuma, Örme|Orme, Boya, Giyim, Deri, Ayakkabı|Ayakkabi, Gıda|Gida,
        Tarım|Tarim, İnşaat|Insaat, Enerji, Madencilik, Metal, Makine, Kimya, Plastik, Ambalaj, Lojistik, Nakliyat, Otomotiv,
        Mobilya, Elektrik, Elektronik, Fındık|Findik, Pamuk, Turizm, Hububat`),
      places: words(`İstanbul|Istanbul, Bursa, Denizli, Gaziantep, Kayseri, Adana, Şanlıurfa|Sanliurfa, Kahramanmaraş|Kahramanmaras,
        Uşak|Usak, İzmir|Izmir, Ankara, Konya, Mersin, Trabzon, Ordu, Malatya`),
      placeShare: 0.3,
      forms: forms(['A.Ş.|A.S.|AŞ|Anonim Şirketi', 'Ltd. Şti.|Ltd. Sti.|Limited Şirketi', 'Sanayi ve Ticaret A.Ş.|San. ve Tic. A.Ş.|Sanayi ve Ticaret AS',
        'Sanayi ve Ticaret Ltd. Şti.|San. ve Tic. Ltd. Şti.|San. Tic. Ltd. Sti.']),
    },
  },
  {
    name: 'russian',
    script: 'cyrillic',
    countries: ['RU', 'BY', 'KZ', 'KG', 'UZ'],
    weight: { person: 5, company: 6 },
    quotes: true,
    person: { given: RUSSIAN_GIVEN, middle: RUSSIAN_MIDDLE, middleShare: 0.7, family: [...RUSSIAN_FAMILY, ...RUSSIAN_COMPOSED] },
    company: {
      brands: words(`Северный|Severny|Severnyy, Восток|Vostok, Сибирь|Sibir, Урал|Ural, Волга|Volga, Альфа|Alfa|Alpha, Гранит|Granit,
        Прогресс|Progress, Рассвет|Rassvet, Звезда|Zvezda, Береза|Bereza, Сокол|Sokol, Маяк|Mayak|Majak, Кристалл|Kristall,
        Лидер|Lider, Энергия|Energiya|Energia, Монолит|Monolit, Импульс|Impuls, Вектор|Vektor, Спектр|Spektr, Горизонт|Gorizont,
        Меридиан|Meridian, Авангард|Avangard, Титан|Titan, Атлант|Atlant, Фортуна|Fortuna, Дельта|Delta, Орион|Orion,
        Союз|Soyuz|Soiuz, Надежда|Nadezhda, Победа|Pobeda, Заря|Zarya|Zaria, Весна|Vesna, Радуга|Raduga, Байкал|Baikal|Baykal,
        Амур|Amur, Енисей|Yenisei|Enisei, Кубань|Kuban, Нева|Neva, Алтай|Altai|Altay`).concat(
        invented(4000, 16, {
          onsets: ['б|b', 'в|v', 'г|g', 'д|d', 'ж|zh', 'з|z', 'к|k', 'л|l', 'м|m', 'н|n', 'п|p', 'р|r', 'с|s', 'т|t', 'ф|f', 'х|kh', 'ч|ch', 'ш|sh', 'тр|tr', 'ст|st', 'кр|kr'],
          vowels: ['а|a', 'о|o', 'е|e', 'и|i', 'у|u', 'я|ya'],
          codas: ['', '', 'н|n', 'р|r', 'л|l', 'с|s', 'к|k', 'м|m'],
          endings: ['нит|nit', 'рон|ron', 'тика|tika', 'текс|teks', 'мар|mar', 'лия|liya', 'вол|vol'],
        }),
      ),
      brandPairShare: 0.2,
      industries: words(`Текстиль|Tekstil, Торг|Torg, Строй|Stroy|Stroi, Агро|Agro, Металл|Metall, Нефть|Neft, Газ|Gaz,
        Хим|Khim, Транс|Trans, Снаб|Snab, Пром|Prom, Инвест|Invest, Сервис|Servis, Трейд|Treyd|Treid, Логистик|Logistik,
        Холдинг|Kholding|Holding, Групп|Grupp|Group, Маш|Mash, Энерго|Energo, Лес|Les, Уголь|Ugol, Хлопок|Khlopok, Продукт|Produkt`),
      places: words(`Московский|Moskovsky|Moskovskiy, Уральский|Uralsky|Uralskiy, Сибирский|Sibirsky|Sibirskiy,
        Дальневосточный|Dalnevostochny|Dalnevostochnyy, Казанский|Kazansky|Kazanskiy, Тульский|Tulsky|Tulskiy, Омский|Omsky|Omskiy,
        Пермский|Permsky|Permskiy, Волжский|Volzhsky|Volzhskiy, Кузбасский|Kuzbassky|Kuzbasskiy, Невский|Nevsky|Nevskiy,
        Донской|Donskoy|Donskoi, Балтийский|Baltiysky|Baltiyskiy`),
      placeShare: 0.3,
      forms: forms(['ООО …|OOO …|… LLC|LLC …', 'АО …|AO …|… JSC|JSC …', 'ПАО …|PAO …|… PJSC', 'ЗАО …|ZAO …|… CJSC', 'ОАО …|OAO …|… OJSC']),
    },
  },
  {
    name: 'chinese',
    script: 'han',
    countries: ['CN', 'CN', 'CN', 'CN', 'HK', 'TW'],
    weight: { person: 5, company: 12 },
    person: { given: CHINESE_GIVEN, middleShare: 0, family: CHINESE_FAMILY, familyFirst: true },
    company: {
      brands: CHINESE_BRANDS,
      brandPairShare: 0,
      industries: words(`硅业|Guiye, 纺织|Fangzhi, 服装|Fuzhuang, 棉业|Mianye, 化工|Huagong, 电子|Dianzi, 科技|Keji, 能源|Nengyuan,
        光伏|Guangfu, 新材料|Xincailiao, 贸易|Maoyi, 实业|Shiye, 食品|Shipin, 农业|Nongye, 机械|Jixie, 制衣|Zhiyi, 针织|Zhenzhi,
        印染|Yinran, 水产|Shuichan, 矿业|Kuangye, 物流|Wuliu, 建设|Jianshe, 投资|Touzi, 电器|Dianqi, 塑料|Suliao, 橡胶|Xiangjiao,
        钢铁|Gangtie, 番茄|Fanqie, 玩具|Wanju, 鞋业|Xieye, 皮革|Pige, 电池|Dianchi`),
      places: words(`新疆|Xinjiang, 江苏|Jiangsu, 浙江|Zhejiang, 广东|Guangdong, 山东|Shandong, 福建|Fujian, 河北|Hebei, 河南|Henan,
        湖南|Hunan, 湖北|Hubei, 四川|Sichuan, 上海|Shanghai, 北京|Beijing, 天津|Tianjin, 深圳|Shenzhen, 广州|Guangzhou, 宁波|Ningbo,
        苏州|Suzhou, 无锡|Wuxi, 青岛|Qingdao, 厦门|Xiamen, 杭州|Hangzhou, 东莞|Dongguan, 佛山|Foshan, 温州|Wenzhou, 义乌|Yiwu,
        乌鲁木齐|Wulumuqi|Urumqi, 喀什|Kashi|Kashgar, 和田|Hetian|Hotan, 阿克苏|Akesu|Aksu, 石河子|Shihezi`),
      placeShare: 0.7,
      forms: forms(['有限公司|Co., Ltd.|Co. Ltd|Company Limited|Youxian Gongsi', '股份有限公司|Co., Ltd.|Joint Stock Co., Ltd.|Gufen Youxian Gongsi',
        '集团有限公司|Group Co., Ltd.|Group Company Limited|Jituan Youxian Gongsi', '有限责任公司|Co., Ltd.|Limited Liability Company|Youxian Zeren Gongsi']),
    },
  },
  {
    name: 'arabic',
    script: 'arabic',
    countries: ['SA', 'AE', 'EG', 'IQ', 'JO', 'SY', 'LB', 'QA', 'KW', 'OM', 'YE', 'SD', 'LY'],
    weight: { person: 2.5, company: 3 },
    person: { given: ARABIC_GIVEN, middleShare: 0.7, family: ARABIC_FAMILY },
    company: {
      brands: [...ARABIC_BRANDS, ...ARABIC_FAMILY],
      brandPairShare: 0.3,
      industries: ARABIC_INDUSTRIES,
      forms: forms(['شركة …|Sharikat …|… Company|… Co.', '… ذ.م.م|… LLC|… W.L.L.', 'شركة … ذ.م.م|… Company LLC|… Co. LLC', 'مؤسسة …|Muassasat …|… Est.|… Establishment']),
    },
  },
  {
    name: 'greek',
    script: 'greek',
    countries: ['GR', 'CY'],
    weight: { person: 0.5, company: 1.5 },
    person: { given: GREEK_GIVEN, middleShare: 0, family: GREEK_FAMILY },
    company: {
      brands: words(`Ελληνική|Elliniki|Helliniki, Αθηναϊκή|Athinaiki, Μακεδονική|Makedoniki, Κρητική|Kritiki, Αιγαίο|Aigaio|Egeo,
        Όλυμπος|Olympos|Olimpos, Αστέρι|Asteri, Ήλιος|Ilios|Helios, Άλφα|Alfa|Alpha, Δέλτα|Delta, Ωμέγα|Omega, Νίκη|Niki, Ελπίδα|Elpida,
        Αρμονία|Armonia, Ποσειδών|Poseidon, Ερμής|Ermis|Hermes, Αθηνά|Athina|Athena, Απόλλων|Apollon|Apollo, Πήγασος|Pigasos|Pegasus,
        Φοίνιξ|Foinix|Phoenix, Ίρις|Iris, Γαία|Gaia, Θάλασσα|Thalassa, Νότος|Notos, Βορράς|Vorras, Ανατολή|Anatoli,
        Πελοπόννησος|Peloponnisos, Θεσσαλία|Thessalia, Ήπειρος|Ipeiros|Epirus, Κυκλάδες|Kyklades|Cyclades`).concat(
        invented(1500, 17, {
          onsets: ['β|v', 'γ|g', 'δ|d', 'ζ|z', 'θ|th', 'κ|k', 'λ|l', 'μ|m', 'ν|n', 'ξ|x', 'π|p', 'ρ|r', 'σ|s', 'τ|t', 'φ|f', 'χ|ch', 'στ|st', 'τρ|tr'],
          vowels: ['α|a', 'ε|e', 'ι|i', 'ο|o', 'η|i', 'ω|o', 'ου|ou'],
          codas: ['', '', 'ν|n', 'ρ|r', 'λ|l', 'σ|s'],
          endings: ['νος|nos', 'λια|lia', 'τρων|tron', 'δης|dis', 'κη|ki', 'ρα|ra'],
        }),
      ),
      brandPairShare: 0.3,
      industries: words(`Εμπορική|Emporiki, Βιομηχανική|Viomichaniki, Κλωστοϋφαντουργία|Klostoyfantourgia|Klostoufantourgia,
        Ναυτιλιακή|Naftiliaki|Nautiliaki, Τεχνική|Techniki|Tehniki, Κατασκευαστική|Kataskevastiki, Τροφίμων|Trofimon,
        Ενδυμάτων|Endymaton|Endimaton, Ενεργειακή|Energeiaki|Energiaki, Μεταφορική|Metaforiki, Αλιευτική|Alieftiki|Alieutiki,
        Γεωργική|Georgiki, Μεταλλευτική|Metalleftiki, Χημική|Chimiki|Himiki, Ξενοδοχειακή|Xenodocheiaki, Ηλεκτρονική|Ilektroniki,
        Φαρμακευτική|Farmakeftiki, Πλαστικά|Plastika, Χάρτου|Chartou, Επενδυτική|Ependytiki`),
      forms: forms(['Α.Ε.|A.E.|AE|S.A.', 'Ε.Π.Ε.|E.P.E.|EPE|Ltd', 'Ο.Ε.|O.E.|OE', 'Ι.Κ.Ε.|I.K.E.|IKE|P.C.', 'Ε.Ε.|E.E.|EE']),
    },
  },
  {
    name: 'malay-indonesian',
    script: 'latin',
    countries: ['MY', 'ID', 'SG', 'BN'],
    weight: { person: 0, company: 3 },
    company: {
      brands: words(`Sinar, Jaya, Maju, Makmur, Sejahtera, Abadi, Sentosa, Mulia, Indah, Permai, Bintang, Cahaya, Mas, Mega, Agung,
        Sakti, Perkasa, Gemilang, Harapan, Mutiara, Kencana, Lestari, Karya, Bumi, Nusantara, Samudera, Borneo, Andalas, Sumber,
        Tunas, Pelangi, Setia`),
      brandPairShare: 0.8,
      industries: words(`Plantations, Palm Oil, Rubber, Gloves, Sawit, Perkebunan, Tekstil, Garmen, Perikanan, Elektronik,
        Manufacturing, Industries, Resources, Holdings, Trading, Logistics, Agro, Makanan, Kimia, Tambang, Energi, Properti`),
      forms: forms(['Sdn Bhd|Sdn. Bhd.|Sendirian Berhad', 'Bhd|Berhad|Bhd.', 'PT …|PT. …|P.T. …', 'PT … Tbk|PT … Tbk.|PT. … Tbk', 'CV …|CV. …']),
    },
  },
  {
    name: 'vietnamese',
    script: 'latin',
    countries: ['VN'],
    weight: { person: 0.5, company: 1.5 },
    person: { given: VIETNAMESE_GIVEN, middle: VIETNAMESE_MIDDLE, middleShare: 0.9, family: VIETNAMESE_FAMILY, familyFirst: true },
    company: {
      brands: words(`Thành Công|Thanh Cong, Phú Thái|Phu Thai, Hòa Bình|Hoa Binh, Việt Tiến|Viet Tien, Nam Long, Đông Á|Dong A,
        Sài Gòn|Sai Gon|Saigon, Hà Nội|Ha Noi|Hanoi, Minh Phát|Minh Phat, Hưng Thịnh|Hung Thinh, An Phát|An Phat, Tân Tiến|Tan Tien,
        Phương Nam|Phuong Nam, Bắc Việt|Bac Viet, Hoàng Gia|Hoang Gia, Thiên Long|Thien Long, Kim Long, Hải Đăng|Hai Dang,
        Sông Hồng|Song Hong, Mê Kông|Me Kong|Mekong`),
      brandPairShare: 0.2,
      industries: words(`Dệt May|Det May, May Mặc|May Mac, Thủy Sản|Thuy San, Thực Phẩm|Thuc Pham, Xây Dựng|Xay Dung,
        Thương Mại|Thuong Mai, Đầu Tư|Dau Tu, Điện Tử|Dien Tu, Gỗ|Go, Nông Sản|Nong San, Cao Su, Cà Phê|Ca Phe, Da Giày|Da Giay,
        Vận Tải|Van Tai`),
      industryFirst: true,
      forms: forms(['Công ty TNHH …|Cong ty TNHH …|… Co., Ltd.|… Company Limited', 'Công ty Cổ phần …|Cong ty Co phan …|… Joint Stock Company|… JSC']),
    },
  },
];

/** The cultures with every word list made distinct (see `distinct`). */
export const CULTURES: readonly Culture[] = CULTURE_LISTS.map((c) => ({
  ...c,
  person: c.person && {
    ...c.person,
    given: distinct(c.person.given),
    middle: c.person.middle && distinct(c.person.middle),
    // One-syllable Chinese surnames are naturally one edit apart in pinyin (Wang, Yang, Tang): kept, as in life.
    family: c.script === 'han' ? c.person.family : distinct(c.person.family),
  },
  company: c.company && {
    ...c.company,
    brands: distinct(c.company.brands),
    industries: distinct(c.company.industries),
    places: c.company.places && distinct(c.company.places),
  },
}));



// ---------------------------------------------------------------------------------------------------------
// Specs: which words make up a name

const NONE = -1;
/** Slots: a person's [given, middle, family, family2]; a company's [place, brand, brand2, industry]. */
type Slots = [number, number, number, number];

interface Spec {
  culture: number;
  type: 'person' | 'company';
  slots: Slots;
  form: number;
  /** Written in its own script (always true for Latin-script cultures). */
  native: boolean;
  country: number;
}

function slotWords(c: Culture, s: Spec): [Word | null, Word | null, Word | null, Word | null] {
  const at = (list: readonly Word[] | undefined, i: number) => (i === NONE || !list ? null : list[i]!);
  if (s.type === 'person') {
    const p = c.person!;
    return [at(p.given, s.slots[0]), at(p.middle ?? p.given, s.slots[1]), at(p.family, s.slots[2]), at(p.family, s.slots[3])];
  }
  const v = c.company!;
  return [at(v.places, s.slots[0]), at(v.brands, s.slots[1]), at(v.brands, s.slots[2]), at(v.industries, s.slots[3])];
}

/** Mixes a sum of word hashes (so word order does not matter) into a 30-bit hash. */
function mix(sum: number): number {
  let x = sum | 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) & 0x3fffffff;
}

/**
 * A name's identity, in hashes: `full` over all its core words, in any order; `bare` without a middle name or
 * place (what is left when a variant drops them); `subs` over the shortened forms under which it is the same
 * entity (see the top of this file).
 */
function identity(c: Culture, s: Spec): { full: number; bare: number; subs: number[] } {
  const [a, b, d, e] = slotWords(c, s);
  const salt = s.type === 'person' ? 0x2545f491 : 0x6c078965;
  const pair = (x: Word, y: Word) => mix(x.hash + y.hash + salt);
  const subs: number[] = [];
  if (s.type === 'person') {
    subs.push(pair(a!, d!));
    if (b && c.person!.middleIsGiven) subs.push(pair(b, d!));
    if (e) subs.push(pair(a!, e));
  } else {
    subs.push(pair(b!, e!));
    if (d) subs.push(pair(d, e!));
  }
  const of = (ws: (Word | null)[]) => {
    const present = ws.filter((w): w is Word => w !== null);
    return mix(present.reduce((sum, w) => sum + Math.imul(w.hash, 0x9e3779b1), salt + present.length));
  };
  return { full: of([a, b, d, e]), bare: of(s.type === 'person' ? [a, d, e] : [b, d, e]), subs };
}

/** Counts of 30-bit hashes in an open-addressing table: a million entries in 20 MB, not a Map's 60. */
class HashCounts {
  private readonly keys: Int32Array;
  private readonly counts: Uint8Array;
  private readonly mask: number;
  constructor(expected: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.keys = new Int32Array(size);
    this.counts = new Uint8Array(size);
    this.mask = size - 1;
  }
  private slot(hash: number): number {
    let i = hash & this.mask;
    while (this.keys[i] !== 0 && this.keys[i] !== hash + 1) i = (i + 1) & this.mask;
    return i;
  }
  add(hash: number): void {
    const i = this.slot(hash);
    this.keys[i] = hash + 1;
    if (this.counts[i]! < 255) this.counts[i]!++;
  }
  count(hash: number): number {
    return this.counts[this.slot(hash)]!;
  }
}

const listed = (subs: readonly number[]) => subs.every((h) => (h & 1) === 0);
const unlisted = (subs: readonly number[]) => subs.every((h) => (h & 1) === 1);

/**
 * Kinds of name by their optional parts: a person's middle name (1) and second family name (2), a company's
 * place (1) and second brand word (2).
 */
type Kind = 0 | 1 | 2 | 3;
const kindOf = (s: Spec): Kind => ((s.slots[s.type === 'person' ? 1 : 0] !== NONE ? 1 : 0) | (s.slots[s.type === 'person' ? 3 : 2] !== NONE ? 2 : 0)) as Kind;

/** A name of the culture and type; `open(kind)` says which kinds may still be drawn (all when absent). */
function drawSpec(rnd: () => number, cultureIndex: number, type: 'person' | 'company', nativeShare: number, open?: (kind: Kind) => boolean): Spec {
  const c = CULTURES[cultureIndex]!;
  const int = (n: number) => Math.floor(rnd() * n);
  let first: boolean;
  let second: boolean;
  do {
    first = rnd() < (type === 'person' ? c.person!.middleShare : c.company!.places ? (c.company!.placeShare ?? 0) : 0);
    second = rnd() < (type === 'person' ? (c.person!.family2Share ?? 0) : c.company!.brandPairShare);
  } while (open && !open(((first ? 1 : 0) | (second ? 2 : 0)) as Kind));
  let slots: Slots;
  if (type === 'person') {
    const p = c.person!;
    const given = int(p.given.length);
    const middles = (p.middle ?? p.given).length;
    const middle = first ? (p.middle ? int(middles) : (given + 1 + int(middles - 1)) % middles) : NONE;
    const family = int(p.family.length);
    slots = [given, middle, family, second ? (family + 1 + int(p.family.length - 1)) % p.family.length : NONE];
  } else {
    const v = c.company!;
    const brand = int(v.brands.length);
    slots = [first ? int(v.places!.length) : NONE, brand, second ? (brand + 1 + int(v.brands.length - 1)) % v.brands.length : NONE, int(v.industries.length)];
  }
  const form = type === 'company' ? (rnd() < 0.85 ? int(c.company!.forms.length) : NONE) : NONE;
  return { culture: cultureIndex, type, slots, form, native: c.script === 'latin' || rnd() < nativeShare, country: int(c.countries.length) };
}

/**
 * How many listed names of each kind a culture can take: a kind's combinations, times the share whose
 * sub-identities all hash even, at most half of those (so drawing stays fast and the list is not saturated).
 * Kinds that are never drawn take none.
 */
function quotas(c: Culture, type: 'person' | 'company'): [number, number, number, number] {
  const q: [number, number, number, number] = [0, 0, 0, 0];
  for (const kind of [0, 1, 2, 3] as const) {
    const first = (kind & 1) !== 0;
    const second = (kind & 2) !== 0;
    if (type === 'person' && c.person) {
      const p = c.person;
      if ((first && !p.middleShare) || (second && !p.family2Share) || (!first && p.middleShare >= 1)) continue;
      // A middle name from the given names, or a second family name, makes the same identity in either order.
      const middles = first ? (p.middle ? p.middle.length : (p.given.length - 1) / 2) : 1;
      const combinations = p.given.length * middles * p.family.length * (second ? (p.family.length - 1) / 2 : 1);
      q[kind] = (combinations * 0.5 ** (1 + (first && p.middleIsGiven ? 1 : 0) + (second ? 1 : 0))) / 2;
    } else if (type === 'company' && c.company) {
      const v = c.company;
      if ((first && !(v.places && v.placeShare)) || (second && !v.brandPairShare) || (!second && v.brandPairShare >= 1)) continue;
      const combinations = (first ? v.places!.length : 1) * v.brands.length * (second ? (v.brands.length - 1) / 2 : 1) * v.industries.length;
      q[kind] = (combinations * 0.5 ** (second ? 2 : 1)) / 2;
    }
  }
  return q;
}

export const capacity = (c: Culture, type: 'person' | 'company') => quotas(c, type).reduce((a, b) => a + b, 0);

/** Culture weights for `n` names of a type: the cultures' shares, each capped at its capacity, the rest shared out. */
function cultureWeights(n: number, type: 'person' | 'company'): number[] {
  const caps = CULTURES.map((c) => capacity(c, type));
  const base = CULTURES.map((c) => c.weight[type]);
  const weights = base.map(() => 0);
  let open = base.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  let left = n;
  while (open.length && left > 0.5) {
    const total = open.reduce((a, i) => a + base[i]!, 0);
    const capped = open.filter((i) => (left * base[i]!) / total >= caps[i]! - weights[i]!);
    if (!capped.length) {
      for (const i of open) weights[i]! += (left * base[i]!) / total;
      left = 0;
      break;
    }
    for (const i of capped) {
      left -= caps[i]! - weights[i]!;
      weights[i] = caps[i]!;
    }
    open = open.filter((i) => !capped.includes(i));
  }
  if (left > 0.5) throw new Error(`the vocabularies cannot make ${n.toLocaleString('en')} distinct ${type} names`);
  return weights;
}

function picker(weights: readonly number[]): (r: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return (r) => {
    const i = cumulative.findIndex((c) => r < c);
    return i < 0 ? weights.length - 1 : i;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

type Role = 'given' | 'middle' | 'family' | 'place' | 'brand' | 'industry';
interface Token {
  text: string;
  role: Role;
  word?: Word;
}

/** A name being written: its tokens, their script, and how the whole is cased. */
interface Draft {
  spec: Spec;
  culture: Culture;
  native: boolean;
  tokens: Token[];
  form: number;
  formRendering: number;
  placeInParentheses: boolean;
  familyComma: boolean;
  casing: 'as-is' | 'upper' | 'lower' | 'strip' | 'strip-upper';
  /** Dropping the middle name or place leaves a name no other listed entity has (else it is not planted). */
  mayDrop: boolean;
}

const writtenNative = (d: Draft) => d.native && d.culture.script !== 'latin';
const wordText = (w: Word, native: boolean, alt: number) => (native ? w.native : w.latin[Math.min(alt, w.latin.length - 1)]!);

function formAffix(d: Draft): Affix | null {
  if (d.form === NONE) return null;
  const f = d.culture.company!.forms[d.form]!;
  return writtenNative(d) ? f.native : f.latin[Math.min(d.formRendering, f.latin.length - 1)]!;
}

function render(spec: Spec, native: boolean, choose: (n: number) => number): Draft {
  const culture = CULTURES[spec.culture]!;
  const d: Draft = { spec, culture, native, tokens: [], form: spec.form, formRendering: 0, placeInParentheses: false, familyComma: false, casing: 'as-is', mayDrop: false };
  const inNative = writtenNative(d);
  const [a, b, c, e] = slotWords(culture, spec);
  const t = (w: Word | null, role: Role): Token[] => (w ? [{ text: wordText(w, inNative, inNative ? 0 : choose(w.latin.length)), role, word: w }] : []);
  if (spec.type === 'person') {
    const familyFirst = culture.person!.familyFirst;
    d.tokens = familyFirst ? [...t(c, 'family'), ...t(b, 'middle'), ...t(a, 'given')] : [...t(a, 'given'), ...t(b, 'middle'), ...t(c, 'family'), ...t(e, 'family')];
  } else {
    const core = culture.company!.industryFirst ? [...t(e, 'industry'), ...t(b, 'brand'), ...t(c, 'brand')] : [...t(b, 'brand'), ...t(c, 'brand'), ...t(e, 'industry')];
    d.tokens = [...t(a, 'place'), ...core];
  }
  return d;
}

function write(d: Draft): string {
  const inNative = writtenNative(d);
  const sep = inNative && d.culture.script === 'han' ? '' : ' ';
  const parts = d.tokens.map((t) => (t.role === 'place' && d.placeInParentheses ? `(${t.text})` : t.text));
  if (d.familyComma && parts.length > 1) parts[0] = `${parts[0]},`;
  let name = parts.join(sep);
  const f = formAffix(d);
  if (f?.pre) name = d.culture.quotes ? `${f.pre} ${inNative ? `«${name}»` : `"${name}"`}` : `${f.pre}${sep}${name}`;
  if (f?.post) name = `${name}${sep}${f.post}`;
  switch (d.casing) {
    case 'upper':
      return name.toUpperCase();
    case 'lower':
      return name.toLowerCase();
    case 'strip':
      return stripAccents(name);
    case 'strip-upper':
      return stripAccents(name).toUpperCase();
    default:
      return name;
  }
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

// ---------------------------------------------------------------------------------------------------------
// Variants: how a listed name comes back in a supplier file

export const VARIANT_KINDS = ['translit', 'legal-form', 'reorder', 'abbrev', 'typo', 'case-accents'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

const ABBREVIATIONS: Record<string, string[]> = {
  International: ['Intl', "Int'l"],
  Industries: ['Inds', 'Ind.'],
  Industria: ['Ind.'],
  Indústria: ['Ind.'],
  Manufacturing: ['Mfg', 'Mfg.'],
  Technology: ['Tech'],
  Engineering: ['Eng.', 'Engg'],
  Holdings: ['Hldgs'],
  Brothers: ['Bros', 'Bros.'],
  Santa: ['Sta.'],
  Santo: ['Sto.'],
  São: ['S.'],
  Comercial: ['Com.'],
  Distribuidora: ['Dist.'],
  Agropecuária: ['Agrop.'],
  Agropecuaria: ['Agrop.'],
  Handelsgesellschaft: ['Handelsges.'],
  Maschinenbau: ['Masch.'],
  Logistics: ['Log.'],
};

const CASED: Record<Script, boolean> = { latin: true, cyrillic: true, greek: true, han: false, arabic: false };
const renderedScript = (d: Draft): Script => (writtenNative(d) ? d.culture.script : 'latin');
const codePoints = (s: string) => [...s];

/** Each variant changes the draft and says whether it could. */
const VARIANTS: Record<VariantKind, (d: Draft, rnd: () => number) => boolean> = {
  // The other script (Latin renderings vary: Sergey/Sergei, Al-Noor/Al Nour); in a Latin script, another spelling (Müller/Mueller).
  translit(d, rnd) {
    const pick = (n: number) => Math.floor(rnd() * n);
    if (d.culture.script === 'latin') {
      const spellings = d.tokens.filter((t) => t.word && t.word.latin.length > 1 && t.text === t.word.latin[0]);
      if (!spellings.length) return false;
      const t = spellings[pick(spellings.length)]!;
      t.text = t.word!.latin[1 + pick(t.word!.latin.length - 1)]!;
      return true;
    }
    d.native = !d.native;
    for (const t of d.tokens) if (t.word) t.text = wordText(t.word, d.native, pick(t.word.latin.length));
    if (d.form !== NONE) d.formRendering = pick(d.culture.company!.forms[d.form]!.latin.length);
    return true;
  },
  // Dropped, written another way (Ltd → Limited), or another form altogether (Ltd → LLC); added when absent.
  'legal-form'(d, rnd) {
    if (d.spec.type !== 'company') return false;
    const forms = d.culture.company!.forms;
    const before = formAffix(d);
    const r = rnd();
    if (d.form !== NONE && r < 0.4) d.form = NONE;
    else if (d.form !== NONE && r < 0.7 && !writtenNative(d) && forms[d.form]!.latin.length > 1) d.formRendering = (d.formRendering + 1) % forms[d.form]!.latin.length;
    else {
      d.form = Math.floor(rnd() * forms.length);
      d.formRendering = Math.floor(rnd() * forms[d.form]!.latin.length);
    }
    const after = formAffix(d);
    return before?.pre !== after?.pre || before?.post !== after?.post;
  },
  // A person's family name moved to the other end ("Smith, John"); a company's place after its name ("(Shanghai)").
  reorder(d, rnd) {
    if (writtenNative(d) && d.culture.script === 'han') return false;
    if (d.spec.type === 'person') {
      if (d.tokens.length < 2) return false;
      if (d.tokens[0]!.role === 'family') d.tokens.push(d.tokens.shift()!);
      else {
        const family = d.tokens.filter((t) => t.role === 'family');
        d.tokens = [...family, ...d.tokens.filter((t) => t.role !== 'family')];
        d.familyComma = family.length === 1 && rnd() < 0.5;
      }
      return true;
    }
    const place = d.tokens.findIndex((t) => t.role === 'place');
    if (place < 0) return false;
    d.tokens.push(...d.tokens.splice(place, 1));
    d.placeInParentheses = rnd() < 0.7;
    return true;
  },
  // Initials for given names, a middle name or place dropped, common words shortened (Intl, Mfg, Bros).
  abbrev(d, rnd) {
    const options: (() => void)[] = [];
    const cased = CASED[renderedScript(d)];
    const given = d.tokens.find((t) => t.role === 'given');
    if (given && cased && codePoints(given.text).length > 2) options.push(() => (given.text = `${codePoints(given.text)[0]}.`));
    for (const role of ['middle', 'place'] as const) {
      if (d.mayDrop && d.tokens.some((t) => t.role === role) && d.tokens.length > 2) options.push(() => (d.tokens = d.tokens.filter((t) => t.role !== role)));
    }
    for (const t of d.tokens) {
      const words = t.text.split(' ');
      const i = words.findIndex((w) => ABBREVIATIONS[w]);
      if (i >= 0) {
        options.push(() => {
          const short = ABBREVIATIONS[words[i]!]!;
          words[i] = short[Math.floor(rnd() * short.length)]!;
          t.text = words.join(' ');
        });
      }
    }
    if (!options.length) return false;
    options[Math.floor(rnd() * options.length)]!();
    return true;
  },
  // One or two keyboard slips in words of four letters or more: a letter dropped, doubled, swapped or replaced.
  typo(d, rnd) {
    if (writtenNative(d) && d.culture.script === 'han') return false;
    const long = d.tokens.filter((t) => codePoints(t.text).length >= 4);
    if (!long.length) return false;
    const edits = rnd() < 0.3 ? 2 : 1;
    let changed = false;
    for (let e = 0; e < edits; e++) {
      const t = long[Math.floor(rnd() * long.length)]!;
      const cs = codePoints(t.text);
      const letters = cs.map((ch, i) => (i > 0 && ch !== ' ' ? i : -1)).filter((i) => i > 0);
      for (let tries = 0; tries < 5 && letters.length; tries++) {
        // Never the first letter (slips there are rare) and never a space, so a word stays one word.
        const i = letters[Math.floor(rnd() * letters.length)]!;
        const out = [...cs];
        const op = Math.floor(rnd() * 4);
        if (op === 0) out.splice(i, 1);
        else if (op === 1) out.splice(i, 0, cs[i]!);
        else if (op === 2 && cs[i + 1] && cs[i + 1] !== ' ') [out[i], out[i + 1]] = [cs[i + 1]!, cs[i]!];
        else out[i] = cs[letters[Math.floor(rnd() * letters.length)]!]!;
        const text = out.join('');
        if (text !== t.text) {
          t.text = text;
          changed = true;
          break;
        }
      }
    }
    return changed;
  },
  // UPPER CASE, lower case, or accents dropped.
  'case-accents'(d, rnd) {
    const text = write(d);
    const accented = stripAccents(text) !== text;
    if (!CASED[renderedScript(d)] && !accented) return false;
    const modes = accented ? (['strip', 'strip-upper', 'upper', 'lower'] as const) : (['upper', 'lower'] as const);
    d.casing = modes[Math.floor(rnd() * modes.length)]!;
    return true;
  },
};

// ---------------------------------------------------------------------------------------------------------
// The watchlist and the supplier names

export interface SupplierName {
  entity: MatchEntity;
  /** The listed entity this name is a variant of, or -1 for a supplier that is not listed. */
  source: number;
  kinds: readonly (VariantKind | 'exact')[];
  culture: string;
}

/** Share of watchlist entries in their own (non-Latin) script, and of those with an alias in the other one. */
const LIST_NATIVE = 0.6;
const LIST_ALIAS = 0.3;

/**
 * `n` distinct listed entities (40 % people, 60 % companies). Specs are kept in typed arrays (12 bytes an
 * entity) and names written when asked for, so the list itself costs the benchmark next to no memory.
 */
export class Watchlist {
  readonly size: number;
  /** How many entities of each culture and type, e.g. "chinese company". */
  readonly mix: Record<string, number> = {};
  private readonly culture: Uint8Array;
  private readonly flags: Uint8Array; // 1 company, 2 in its own script, 4 has an alias in the other script
  private readonly form: Int8Array;
  private readonly country: Uint8Array;
  private readonly slots: Int16Array;
  /** How many listed entities share each bare identity (see `identity`). */
  private readonly bare: HashCounts;

  constructor(n: number, seed = 1) {
    this.size = n;
    this.culture = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.form = new Int8Array(n);
    this.country = new Uint8Array(n);
    this.slots = new Int16Array(n * 4);
    this.bare = new HashCounts(n);
    const rnd = random(seed);
    const persons = Math.round(n * 0.4);
    const pickPerson = picker(cultureWeights(persons, 'person'));
    const pickCompany = picker(cultureWeights(n - persons, 'company'));
    const seen = new Set<number>();
    const quota = CULTURES.map((c) => ({ person: quotas(c, 'person'), company: quotas(c, 'company') }));
    const taken = CULTURES.map(() => ({ person: [0, 0, 0, 0], company: [0, 0, 0, 0] }));
    const full = (ci: number, type: 'person' | 'company') => taken[ci]![type].every((t, kind) => t >= quota[ci]![type][kind]!);
    for (let i = 0; i < n; i++) {
      const type = i % 5 < 2 ? 'person' : 'company';
      // Cultures are drawn by weight, so a small one can be drawn after it is full: then another is drawn.
      let ci: number;
      do ci = (type === 'person' ? pickPerson : pickCompany)(rnd());
      while (full(ci, type));
      const c = CULTURES[ci]!;
      const open = (kind: Kind) => taken[ci]![type][kind]! < quota[ci]![type][kind]!;
      let spec: Spec;
      for (let tries = 0; ; tries++) {
        if (tries > 10_000) throw new Error(`no new ${c.name} ${type} name after 10,000 tries`);
        spec = drawSpec(rnd, ci, type, LIST_NATIVE, open);
        const id = identity(c, spec);
        if (listed(id.subs) && !seen.has(id.full)) {
          seen.add(id.full);
          this.bare.add(id.bare);
          taken[ci]![type][kindOf(spec)]!++;
          break;
        }
      }
      this.culture[i] = ci;
      this.flags[i] = (type === 'company' ? 1 : 0) | (spec.native ? 2 : 0) | (c.script !== 'latin' && rnd() < LIST_ALIAS ? 4 : 0);
      this.form[i] = spec.form;
      this.country[i] = spec.country;
      this.slots.set(spec.slots, i * 4);
      const label = `${c.name} ${type}`;
      this.mix[label] = (this.mix[label] ?? 0) + 1;
    }
  }

  /** Entity i as the matching engine and the baselines see it: name, aliases, type, country. */
  entity(i: number): MatchEntity {
    const spec = this.spec(i);
    const c = CULTURES[spec.culture]!;
    const first = () => 0;
    const entity: MatchEntity = { name: write(render(spec, spec.native, first)), type: spec.type, countries: [c.countries[spec.country]!] };
    return this.flags[i]! & 4 ? { ...entity, aliases: [write(render(spec, !spec.native, first))] } : entity;
  }

  /** Whether entity i is the only listed entity with its name less its middle name or place. */
  uniqueWhenShortened(i: number): boolean {
    const spec = this.spec(i);
    return this.bare.count(identity(CULTURES[spec.culture]!, spec).bare) === 1;
  }

  /** The words entity i is made of, to write variants of it. */
  spec(i: number): Spec {
    const s = this.slots;
    return {
      culture: this.culture[i]!,
      type: this.flags[i]! & 1 ? 'company' : 'person',
      slots: [s[i * 4]!, s[i * 4 + 1]!, s[i * 4 + 2]!, s[i * 4 + 3]!],
      form: this.form[i]!,
      native: (this.flags[i]! & 2) !== 0,
      country: this.country[i]!,
    };
  }
}

/**
 * `n` supplier names to screen (75 % companies): a `planted` share are variants of listed entities, with one
 * variant (70 %) or two; the rest are unlisted names from the same vocabularies, written in the same styles.
 */
export function* supplierNames(watchlist: Watchlist, n: number, opts: { seed?: number; planted?: number } = {}): Generator<SupplierName> {
  const rnd = random(opts.seed ?? 2);
  const plantedShare = opts.planted ?? 0.015;
  const pickPerson = picker(CULTURES.map((c) => (c.person ? c.weight.person : 0)));
  const pickCompany = picker(CULTURES.map((c) => (c.company ? c.weight.company : 0)));
  const pick = (n: number) => Math.floor(rnd() * n);
  for (let q = 0; q < n; q++) {
    if (rnd() < plantedShare) {
      const source = pick(watchlist.size);
      const spec = watchlist.spec(source);
      const c = CULTURES[spec.culture]!;
      const d = render(spec, spec.native, () => 0);
      d.mayDrop = watchlist.uniqueWhenShortened(source);
      const wanted = rnd() < 0.3 ? 2 : 1;
      const order = VARIANT_KINDS.map((k) => [k, rnd()] as const)
        .sort((a, b) => a[1] - b[1])
        .map(([k]) => k);
      const chosen = new Set(order.slice(0, wanted));
      const kinds: VariantKind[] = [];
      // Applied in pipeline order (script first, casing last); one that cannot apply gives way to the next.
      for (const k of VARIANT_KINDS) if (chosen.has(k) && VARIANTS[k](d, rnd)) kinds.push(k);
      for (const k of order) {
        if (kinds.length) break;
        if (VARIANTS[k](d, rnd)) kinds.push(k);
      }
      const countries = rnd() < 0.8 ? [c.countries[spec.country]!] : [];
      yield { entity: { name: write(d), type: spec.type, countries }, source, kinds: kinds.length ? kinds : ['exact'], culture: c.name };
      continue;
    }
    const type = rnd() < 0.75 ? 'company' : 'person';
    const ci = (type === 'person' ? pickPerson : pickCompany)(rnd());
    const c = CULTURES[ci]!;
    let spec: Spec;
    do spec = drawSpec(rnd, ci, type, 0.5);
    while (!unlisted(identity(c, spec).subs));
    // Unlisted names get the same range of spellings, legal forms and casing as planted ones.
    const often = (k: number) => (rnd() < 0.7 ? 0 : pick(k));
    const d = render(spec, spec.native, often);
    if (d.form !== NONE) d.formRendering = often(c.company!.forms[d.form]!.latin.length);
    if (rnd() < 0.1) d.casing = 'upper';
    yield { entity: { name: write(d), type: spec.type, countries: rnd() < 0.8 ? [c.countries[spec.country]!] : [] }, source: -1, kinds: [], culture: c.name };
  }
}
